package cn.jiyun.fulfillment.users;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13's people: an admin adds a courier with a vehicle and a seller with a shop; each gets a one-time password
 * and must choose their own before anything else (API and pages); an admin resets a password and cannot disable a
 * courier who still drives.
 */
@H2gisTest
class UsersAndFirstLoginTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AppUsers users;
    @Autowired
    VehicleService vehicles;
    @Autowired
    ShopService shops;

    private Cooperative coop;
    private JiyunUser admin;
    private Long vehicleId;
    private Long shopId;

    @BeforeEach
    void cooperative() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        Hub hub = fixtures.hub(coop, "测试集散中心", 106.20, 37.99);
        fixtures.vehicle(coop, hub);
        vehicleId = vehicles.list(coop.id(), null, org.springframework.data.domain.Pageable.unpaged())
                .getContent().get(0).id();
        shopId = fixtures.shop(coop, Platform.DOUYIN, null).id();
    }

    @Test
    void anInvitedCourierMustChooseTheirOwnPasswordBeforeAnythingElse() throws Exception {
        String username = "courier-" + Fixtures.unique();
        JsonNode added = add("{\"username\":\"" + username + "\",\"displayName\":\"司机\",\"role\":\"COURIER\","
                + "\"vehicleIds\":[" + vehicleId + "]}");
        String oneTime = added.get("oneTimePassword").asText();
        assertThat(oneTime).hasSize(16);
        assertThat(added.get("mustChangePassword").asBoolean()).isTrue();
        Long id = added.get("id").asLong();
        assertThat(vehicles.get(coop.id(), vehicleId).driverUserId()).isEqualTo(id);
        assertThat(users.findById(id).orElseThrow().passwordHash()).doesNotContain(oneTime);
        // the list never shows a password again
        String list = mvc.perform(get("/api/users").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(username).doesNotContain(oneTime).doesNotContain("oneTimePassword");

        mvc.perform(get("/api/hubs").with(httpBasic(username, oneTime))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/api/me/password")));
        mvc.perform(put("/api/me/password").with(httpBasic(username, oneTime))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(put("/api/me/password").with(httpBasic(username, oneTime))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong\",\"newPassword\":\"my-own-route-2026\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(put("/api/me/password").with(httpBasic(username, oneTime))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"my-own-route-2026\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/hubs").with(httpBasic(username, "my-own-route-2026"))).andExpect(status().isOk());
        mvc.perform(get("/api/hubs").with(httpBasic(username, oneTime))).andExpect(status().isUnauthorized());
    }

    @Test
    void theFirstLoginOnThePagesGoesToThePasswordPageUntilItIsChanged() throws Exception {
        String username = "seller-" + Fixtures.unique();
        JsonNode added = add("{\"username\":\"" + username + "\",\"displayName\":\"主播\",\"role\":\"SELLER\","
                + "\"shopIds\":[" + shopId + "]}");
        assertThat(shops.get(coop.id(), shopId).sellerUserId()).isEqualTo(added.get("id").asLong());
        String oneTime = added.get("oneTimePassword").asText();
        MvcResult login = mvc.perform(formLogin("/login").user(username).password(oneTime)).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/orders").session(session)).andExpect(redirectedUrl("/password"));
        String page = mvc.perform(get("/password").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"must-change\"");
        String refused = mvc.perform(post("/password").session(session).with(csrf())
                        .param("currentPassword", oneTime).param("newPassword", "1234567890"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-error-for=\"newPassword\"");
        mvc.perform(post("/password").session(session).with(csrf())
                        .param("currentPassword", oneTime).param("newPassword", "livestream-goji-2026"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/orders").session(session)).andExpect(status().isOk());
    }

    @Test
    void anAdminResetsAPasswordAndCannotDisableACourierWhoStillDrives() throws Exception {
        String username = "courier-" + Fixtures.unique();
        JsonNode added = add("{\"username\":\"" + username + "\",\"displayName\":\"司机\",\"role\":\"COURIER\","
                + "\"vehicleIds\":[" + vehicleId + "]}");
        Long id = added.get("id").asLong();
        mvc.perform(put("/api/users/{id}", id).with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"司机\",\"enabled\":false}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("another driver")));
        assertThat(users.findById(id).orElseThrow().enabled()).isTrue();

        String reset = mvc.perform(post("/api/users/{id}/password-reset", id).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String newOneTime = json.readTree(reset).get("oneTimePassword").asText();
        assertThat(newOneTime).isNotEqualTo(added.get("oneTimePassword").asText());
        mvc.perform(get("/api/hubs").with(httpBasic(username, newOneTime))).andExpect(status().isForbidden());

        mvc.perform(put("/api/users/{id}", admin.userId()).with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"me\",\"enabled\":false}")).andExpect(status().isBadRequest());
    }

    @Test
    void refusesAnOperatorRoleATakenUsernameAndAnotherCooperativesRecordsCreatingNoOne() throws Exception {
        long before = users.count();
        mvc.perform(post("/api/users").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x-" + Fixtures.unique() + "\",\"displayName\":\"x\",\"role\":\"OPERATOR\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/users").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + admin.username() + "\",\"displayName\":\"x\",\"role\":\"SELLER\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/users").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"c-" + Fixtures.unique() + "\",\"displayName\":\"x\",\"role\":\"SELLER\","
                                + "\"vehicleIds\":[" + vehicleId + "]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("vehicleIds"));
        Cooperative other = fixtures.cooperative();
        Long othersShop = fixtures.shop(other, Platform.KUAISHOU, null).id();
        mvc.perform(post("/api/users").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"s-" + Fixtures.unique() + "\",\"displayName\":\"x\",\"role\":\"SELLER\","
                                + "\"shopIds\":[" + othersShop + "]}"))
                .andExpect(status().isNotFound());
        assertThat(users.count()).isEqualTo(before);
        JiyunUser othersUser = fixtures.user(other, Role.COURIER);
        mvc.perform(get("/api/users/{id}", othersUser.userId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/api/users/{id}/password-reset", othersUser.userId()).with(user(admin)))
                .andExpect(status().isNotFound());
    }

    private JsonNode add(String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/users").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }
}
