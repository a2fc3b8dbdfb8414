package cn.jiyun.fulfillment.users;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13's {@code /admin/users}: an admin adds a seller with a shop on the page and sees the one-time password
 * once, is told what is wrong with a bad form (nothing stored), cannot disable a courier who drives, resets a
 * password, and sees who is locked out by failed logins.
 */
@H2gisTest
class UserPagesTest {

    private static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\">([a-z0-9]{16})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AppUsers users;
    @Autowired
    ShopService shops;
    @Autowired
    VehicleService vehicles;
    @Autowired
    JdbcClient jdbc;

    private Cooperative coop;
    private JiyunUser admin;
    private Long shopId;
    private Long vehicleId;

    @BeforeEach
    void cooperative() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        Hub hub = fixtures.hub(coop, "测试集散中心", 106.20, 37.99);
        fixtures.vehicle(coop, hub);
        vehicleId = vehicles.list(coop.id(), null, Pageable.unpaged()).getContent().get(0).id();
        shopId = fixtures.shop(coop, Platform.DOUYIN, null).id();
    }

    @Test
    void anAdminAddsASellerWithAShopAndSeesTheOneTimePasswordOnce() throws Exception {
        String form = page("/admin/users/new");
        assertThat(form).contains("name=\"shopIds\"").contains("value=\"" + shopId + "\"")
                .contains("name=\"vehicleIds\"").doesNotContain("value=\"OPERATOR\"");

        String username = "seller-" + Fixtures.unique();
        String issued = mvc.perform(post("/admin/users").with(user(admin)).with(csrf())
                        .param("username", username).param("displayName", "枸杞主播").param("role", "SELLER")
                        .param("shopIds", shopId.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher oneTime = ONE_TIME.matcher(issued);
        assertThat(oneTime.find()).as("the one-time password on the answer").isTrue();
        AppUser seller = users.findByUsername(username).orElseThrow();
        assertThat(seller.mustChangePassword()).isTrue();
        assertThat(shops.get(coop.id(), shopId).sellerUserId()).isEqualTo(seller.id());

        String list = page("/admin/users");
        assertThat(list).contains("data-username=\"" + username + "\"").contains("枸杞主播")
                .doesNotContain(oneTime.group(1));
        assertThat(page("/admin/users/" + seller.id())).doesNotContain(oneTime.group(1));
        // the password works, once, for choosing one's own
        mvc.perform(get("/api/shops").with(httpBasic(username, oneTime.group(1)))).andExpect(status().isForbidden());
    }

    @Test
    void aBadFormSaysWhichFieldAndStoresNoOne() throws Exception {
        long before = users.count();
        String refused = mvc.perform(post("/admin/users").with(user(admin)).with(csrf())
                        .param("username", "Has Spaces").param("displayName", " ").param("role", "COURIER"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-error-for=\"username\"").contains("data-error-for=\"displayName\"");
        String taken = mvc.perform(post("/admin/users").with(user(admin)).with(csrf())
                        .param("username", admin.username()).param("displayName", "x").param("role", "SELLER"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("data-error-for=\"username\"").contains("is taken");
        mvc.perform(post("/admin/users").with(user(admin)).with(csrf())
                        .param("username", "op-" + Fixtures.unique()).param("displayName", "x").param("role", "OPERATOR"))
                .andExpect(status().isBadRequest());
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void aCourierWhoDrivesStaysEnabledAndAResetGivesANewOneTimePassword() throws Exception {
        String username = "courier-" + Fixtures.unique();
        mvc.perform(post("/admin/users").with(user(admin)).with(csrf()).param("username", username)
                        .param("displayName", "马师傅").param("role", "COURIER").param("vehicleIds", vehicleId.toString()))
                .andExpect(status().isOk());
        AppUser courier = users.findByUsername(username).orElseThrow();
        assertThat(vehicles.get(coop.id(), vehicleId).driverUserId()).isEqualTo(courier.id());
        assertThat(page("/admin/users/" + courier.id())).contains(vehicles.get(coop.id(), vehicleId).plate());

        // an unticked checkbox sends nothing: disabling is "enabled" absent
        String refused = mvc.perform(post("/admin/users/{id}", courier.id()).with(user(admin)).with(csrf())
                        .param("displayName", "马师傅").param("_enabled", "on"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-error-for=\"enabled\"").contains("another driver");
        assertThat(users.findById(courier.id()).orElseThrow().enabled()).isTrue();

        mvc.perform(post("/admin/users/{id}", courier.id()).with(user(admin)).with(csrf())
                        .param("displayName", "马师傅（早班）").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findById(courier.id()).orElseThrow().displayName()).isEqualTo("马师傅（早班）");

        String reset = mvc.perform(post("/admin/users/{id}/password-reset", courier.id()).with(user(admin))
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher oneTime = ONE_TIME.matcher(reset);
        assertThat(oneTime.find()).isTrue();
        mvc.perform(get("/api/hubs").with(httpBasic(username, oneTime.group(1)))).andExpect(status().isForbidden());
    }

    @Test
    void thePageShowsWhoIsLockedOutByFailedLogins() throws Exception {
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        assertThat(page("/admin/users")).doesNotContain("data-test=\"locked\"");
        // as the throttle leaves it after many failures (its own test covers how it gets there)
        jdbc.sql("INSERT INTO login_failure (throttle_key, failures, last_failed_at, locked_until) "
                        + "VALUES (:k, 9, :t, :l)").param("k", "user:" + courier.username())
                .param("t", Timestamp.from(Instant.now()))
                .param("l", Timestamp.from(Instant.now().plus(Duration.ofMinutes(10)))).update();
        assertThat(page("/admin/users")).contains("data-test=\"locked\"");
        assertThat(page("/admin/users/" + courier.userId())).contains("data-test=\"locked\"");
    }

    @Test
    void anotherCooperativesUserIsNotFound() throws Exception {
        JiyunUser othersCourier = fixtures.user(fixtures.cooperative(), Role.COURIER);
        mvc.perform(get("/admin/users/{id}", othersCourier.userId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/{id}/password-reset", othersCourier.userId()).with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(page("/admin/users")).doesNotContain(othersCourier.username());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
