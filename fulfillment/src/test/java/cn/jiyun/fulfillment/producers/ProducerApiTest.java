package cn.jiyun.fulfillment.producers;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class ProducerApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Producers producers;

    Cooperative coop;
    JiyunUser admin;
    Hub hub;

    @BeforeEach
    void cooperative() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        hub = fixtures.hub(coop, "中宁集散中心", 105.681168, 37.491109);
    }

    private static String producerJson(double lon, double lat) {
        return """
                {"name": "马家枸杞园", "contactName": "马先生", "phone": "13900000001",
                 "address": "中宁县鸣沙镇 3 组", "countyCode": "640521",
                 "location": {"longitude": %s, "latitude": %s}, "shipsChilled": false,
                 "pickupWindows": [{"startsAt": "08:00", "endsAt": "12:00"}, {"startsAt": "14:00", "endsAt": "18:00"}]}
                """.formatted(lon, lat);
    }

    private long storedProducers() {
        return producers.findByCooperativeId(coop.id(), Pageable.unpaged()).getTotalElements();
    }

    @Test
    void createsAProducerAndListsItWithItsLocationAndNearestHub() throws Exception {
        mvc.perform(post("/api/producers").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson(105.80, 37.45)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.synthetic").value(false))
                .andExpect(jsonPath("$.pickupWindows[1].startsAt").value("14:00"));

        mvc.perform(get("/api/producers").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].location.longitude").value(105.80))
                .andExpect(jsonPath("$.content[0].location.latitude").value(37.45))
                .andExpect(jsonPath("$.content[0].nearestHub.hubId").value(hub.id()))
                .andExpect(jsonPath("$.content[0].nearestHub.km").value(org.hamcrest.Matchers.closeTo(11.4, 0.5)))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.page.number").value(0));
    }

    @Test
    void answersWhichProducersAreWithinKilometresOfAHub() throws Exception {
        fixtures.producer(coop, "近", 105.70, 37.50);
        fixtures.producer(coop, "远", 106.30, 37.50);

        mvc.perform(get("/api/producers").param("hubId", hub.id().toString()).param("withinKm", "10")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].name").value("近"))
                .andExpect(jsonPath("$.content[0].hub.km").value(org.hamcrest.Matchers.lessThan(10.0)));
    }

    @Test
    void refusesCoordinatesOutOfRangeNamingTheField() throws Exception {
        mvc.perform(post("/api/producers").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson(185.0, 37.45)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("location.longitude"));
        assertThat(storedProducers()).isZero();
    }

    @Test
    void refusesAProducerFarOutsideTheCooperativesArea() throws Exception {
        // Beijing: a valid position, but nowhere near a Ningxia cooperative
        mvc.perform(post("/api/producers").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson(116.40, 39.90)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"))
                .andExpect(jsonPath("$.detail", containsString("outside the area")));
        assertThat(storedProducers()).isZero();
    }

    @Test
    void namesEveryBadField() throws Exception {
        mvc.perform(post("/api/producers").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "", "contactName": "马先生", "phone": "call me", "address": "x",
                                 "countyCode": "64", "location": {"longitude": 105.8, "latitude": 37.4},
                                 "pickupWindows": []}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("phone")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("countyCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("pickupWindows")));
    }

    @Test
    void refusesAPickupWindowThatEndsBeforeItStarts() throws Exception {
        mvc.perform(post("/api/producers").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson(105.8, 37.45).replace("\"endsAt\": \"12:00\"", "\"endsAt\": \"07:00\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pickupWindows"));
        assertThat(storedProducers()).isZero();
    }

    @Test
    void refusesMalformedJsonWithAClearReason() throws Exception {
        mvc.perform(post("/api/producers").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"马家\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request body"));
        mvc.perform(post("/api/producers").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson(105.8, 37.45).replace("\"shipsChilled\": false", "\"shipsChilled\": \"maybe\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shipsChilled"));
    }

    @Test
    void updatesAProducer() throws Exception {
        Producer producer = fixtures.producer(coop, "旧名", 105.70, 37.50);

        mvc.perform(put("/api/producers/{id}", producer.id()).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(producerJson(105.75, 37.52)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("马家枸杞园"))
                .andExpect(jsonPath("$.location.longitude").value(105.75));
    }

    @Test
    void hidesAnotherCooperativesProducers() throws Exception {
        Cooperative other = fixtures.cooperative();
        Producer theirs = fixtures.producer(other, "别家的", 105.70, 37.50);

        mvc.perform(get("/api/producers/{id}", theirs.id()).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(put("/api/producers/{id}", theirs.id()).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(producerJson(105.75, 37.52))).andExpect(status().isNotFound());
        mvc.perform(get("/api/producers").with(as(admin))).andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void letsCouriersReadButOnlyAdminsWrite() throws Exception {
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        JiyunUser seller = fixtures.user(coop, Role.SELLER);

        mvc.perform(get("/api/producers").with(as(courier))).andExpect(status().isOk());
        mvc.perform(post("/api/producers").with(as(courier)).contentType(MediaType.APPLICATION_JSON)
                .content(producerJson(105.8, 37.45))).andExpect(status().isForbidden());
        mvc.perform(get("/api/producers").with(as(seller))).andExpect(status().isForbidden());
        mvc.perform(get("/api/producers")).andExpect(status().isUnauthorized());
        assertThat(storedProducers()).isZero();
    }
}
