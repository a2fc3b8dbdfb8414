package cn.jiyun.fulfillment.fleet;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's hub and vehicle pages. */
@H2gisTest
class FleetPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    HubService hubs;
    @Autowired
    VehicleService vehicles;

    Cooperative coop;
    JiyunUser admin;
    Hub hub;

    @BeforeEach
    void anAdminWithAHub() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        hub = fixtures.hub(coop, "盐池县集散中心", 107.41, 37.78);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder post, Map<String, String> fields,
                                                      String... changes) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        form.forEach(post::param);
        return post;
    }

    private static final Map<String, String> HUB = Map.of("name", "吴忠市利通区集散中心", "address", "利通区物流园 8 号",
            "countyCode", "640302", "location.latitude", "37.99", "location.longitude", "106.20",
            "opensAt", "07:00", "closesAt", "20:00", "carrierCutoff", "17:30");

    private Map<String, String> vehicle() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", "冷藏面包车");
        v.put("plate", "宁C·12345");
        v.put("homeHubId", hub.id().toString());
        v.put("capacityKg", "800");
        v.put("capacityLitres", "4000");
        v.put("refrigerated", "true");
        v.put("_refrigerated", "on");
        v.put("costPerKmYuan", "2.2");
        v.put("fixedCostPerDayYuan", "300");
        v.put("shiftStart", "07:30");
        v.put("shiftEnd", "18:30");
        v.put("driverUserId", "");
        return v;
    }

    @Test
    void addsAndEditsAHubAndRefusesACutOffOutsideItsHours() throws Exception {
        String location = mvc.perform(form(post("/admin/hubs"), HUB).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin/hubs/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(hubs.get(coop.id(), id).carrierCutoff()).isEqualTo(LocalTime.of(17, 30));
        assertThat(mvc.perform(get("/admin/hubs/{id}", id).with(user(admin))).andReturn().getResponse()
                .getContentAsString()).contains("修改集散点", "value=\"17:30\"", "value=\"吴忠市利通区集散中心\"");

        mvc.perform(form(post("/admin/hubs/{id}", id), HUB, "carrierCutoff", "16:00").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/hubs/" + id));
        assertThat(hubs.get(coop.id(), id).carrierCutoff()).isEqualTo(LocalTime.of(16, 0));

        String refused = mvc.perform(form(post("/admin/hubs/{id}", id), HUB, "carrierCutoff", "21:00")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("快递截单时间要在营业时间内", "data-error-for=\"carrierCutoff\"");
        assertThat(hubs.get(coop.id(), id).carrierCutoff()).isEqualTo(LocalTime.of(16, 0));
    }

    @Test
    void addsAVehicleWithCostsInYuanAndACourierAsDriver() throws Exception {
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        assertThat(mvc.perform(get("/admin/vehicles/new").with(user(admin))).andReturn().getResponse()
                .getContentAsString()).contains(courier.getUsername(), "盐池县集散中心");

        Map<String, String> fields = vehicle();
        fields.put("driverUserId", courier.userId().toString());
        String location = mvc.perform(form(post("/admin/vehicles"), fields).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin/vehicles/*")).andReturn().getResponse().getRedirectedUrl();
        Vehicle created = vehicles.get(coop.id(), Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(created.costPerKmFen()).isEqualTo(220);
        assertThat(created.fixedCostPerDayFen()).isEqualTo(30_000);
        assertThat(created.refrigerated()).isTrue();
        assertThat(created.driverUserId()).isEqualTo(courier.userId());

        String list = mvc.perform(get("/admin/vehicles").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("宁C·12345", "每公里 ¥2.20，每天 ¥300.00", courier.getUsername());
    }

    @Test
    void refusesADriverWhoIsNoCourierAndAnotherCooperativesHub() throws Exception {
        long before = vehicles.list(coop.id(), null, Pageable.unpaged()).getTotalElements();
        Map<String, String> fields = vehicle();
        fields.put("driverUserId", fixtures.user(coop, Role.SELLER).userId().toString());
        assertThat(mvc.perform(form(post("/admin/vehicles"), fields).with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("司机要选本合作社的揽收员账号", "data-error-for=\"driverUserId\"");

        Hub theirs = fixtures.hub(fixtures.cooperative(), "别家的集散点", 106.2, 38.0);
        assertThat(mvc.perform(form(post("/admin/vehicles"), vehicle(), "homeHubId", theirs.id().toString())
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("请选择本合作社的集散点");
        assertThat(mvc.perform(form(post("/admin/vehicles"), vehicle(), "costPerKmYuan", "两块", "capacityKg", "20000")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("请填写金额", "载重最多 10000 公斤");
        assertThat(vehicles.list(coop.id(), null, Pageable.unpaged()).getTotalElements()).isEqualTo(before);

        mvc.perform(get("/admin/hubs/{id}", theirs.id()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(form(post("/admin/hubs/{id}", theirs.id()), HUB).with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(hubs.get(theirs.cooperativeId(), theirs.id()).name()).isEqualTo("别家的集散点");
    }
}
