package cn.jiyun.fulfillment.fleet;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class VehicleApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    private static String vehicleJson(long hubId, int capacityKg) {
        return """
                {"homeHubId": %d, "name": "冷藏车", "plate": "宁E·12345", "capacityKg": %d, "capacityLitres": 7000,
                 "refrigerated": true, "costPerKmFen": 300, "fixedCostPerDayFen": 42000,
                 "shiftStart": "06:30", "shiftEnd": "17:30"}""".formatted(hubId, capacityKg);
    }

    @Test
    void registersARefrigeratedVanAtAHub() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        Hub hub = fixtures.hub(coop, "盐池冷链站", 107.40, 37.78);

        mvc.perform(post("/api/vehicles").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(vehicleJson(hub.id(), 1200)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.refrigerated").value(true))
                .andExpect(jsonPath("$.shiftEnd").value("17:30"));
        mvc.perform(get("/api/vehicles").param("homeHubId", hub.id().toString()).with(as(admin)))
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }

    @Test
    void refusesAnotherCooperativesHubAndAbsurdCapacities() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        Hub own = fixtures.hub(coop, "自家站", 107.40, 37.78);
        Hub theirs = fixtures.hub(fixtures.cooperative(), "别家站", 107.40, 37.78);

        mvc.perform(post("/api/vehicles").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(vehicleJson(theirs.id(), 1200)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeHubId"));
        mvc.perform(post("/api/vehicles").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(vehicleJson(own.id(), -1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacityKg"));
        mvc.perform(post("/api/vehicles").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(vehicleJson(own.id(), 1200).replace("\"06:30\"", "\"19:00\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shiftEnd"));
        mvc.perform(get("/api/vehicles").with(as(admin))).andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void refusesAHubWhoseCutOffFallsOutsideItsHours() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);

        mvc.perform(post("/api/hubs").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "中宁站", "countyCode": "640521", "address": "中宁县",
                                 "location": {"longitude": 105.68, "latitude": 37.49},
                                 "opensAt": "07:00", "closesAt": "20:00", "carrierCutoff": "21:00"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("carrierCutoff"));
        mvc.perform(post("/api/hubs").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "中宁站", "countyCode": "640521", "address": "中宁县",
                                 "location": {"longitude": 105.68, "latitude": 37.49},
                                 "opensAt": "07:00", "closesAt": "20:00", "carrierCutoff": "17:30"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.carrierCutoff").value("17:30"));
    }
}
