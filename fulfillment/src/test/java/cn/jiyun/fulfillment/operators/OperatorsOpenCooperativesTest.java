package cn.jiyun.fulfillment.operators;

import cn.jiyun.fulfillment.cooperatives.Cooperatives;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13's tenants: the bootstrap's operator opens a cooperative whose admin works at once, reads none of its
 * records, and suspends it (its users cannot log in, its shops are not polled, nothing is deleted) and resumes it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/operators-${random.uuid}",
        "jiyun.demo.enabled=false",
        "jiyun.bootstrap.operator-username=ops-first",
        "jiyun.bootstrap.operator-password=an-operator-secret-from-the-environment"})
class OperatorsOpenCooperativesTest {

    private static final String OPERATOR = "ops-first";
    private static final String OPERATOR_PASSWORD = "an-operator-secret-from-the-environment";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AppUsers users;
    @Autowired
    Cooperatives cooperatives;
    @Autowired
    ShopAccounts shopAccounts;
    @Autowired
    Fixtures fixtures;

    @Test
    void theBootstrapCreatesTheOperatorAndNoCooperative() {
        assertThat(users.findByUsername(OPERATOR)).hasValueSatisfying(user -> {
            assertThat(user.role()).isEqualTo(Role.OPERATOR);
            assertThat(user.cooperativeId()).isNull();
        });
    }

    @Test
    void anOperatorOpensACooperativeWhoseAdminWorksAtOnceAndReadsNoneOfItsRecords() throws Exception {
        String admin = "admin-" + Fixtures.unique();
        JsonNode opened = open("盐池县滩羊合作社", admin, "salt-lake-mutton-2026");
        assertThat(opened.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(opened.get("adminUsername").asText()).isEqualTo(admin);
        long id = opened.get("id").asLong();

        mvc.perform(get("/api/hubs").with(httpBasic(admin, "salt-lake-mutton-2026")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/cooperatives/{id}", id).with(httpBasic(OPERATOR, OPERATOR_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("盐池县滩羊合作社"));
        // a cooperative's admin may not list or open cooperatives; an operator reads no cooperative's records
        mvc.perform(get("/api/cooperatives").with(httpBasic(admin, "salt-lake-mutton-2026")))
                .andExpect(status().isForbidden());
        for (String path : new String[] {"/api/hubs", "/api/orders", "/api/producers", "/api/shops", "/api/plans"}) {
            mvc.perform(get(path).with(httpBasic(OPERATOR, OPERATOR_PASSWORD))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/board").with(user(operator()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(user(operator()))).andExpect(status().isForbidden());
    }

    @Test
    void refusesWeakPasswordsBadNamesAndTakenUsernamesCreatingNothing() throws Exception {
        long before = cooperatives.count();
        long usersBefore = users.count();
        String admin = "admin-" + Fixtures.unique();
        refused("{\"name\":\"合作社\",\"adminUsername\":\"" + admin + "\",\"adminPassword\":\"short\"}", 400,
                "adminPassword", "at least 10");
        refused("{\"name\":\"合作社\",\"adminUsername\":\"" + admin + "\",\"adminPassword\":\"Password123\"}", 400,
                "adminPassword", "common");
        refused("{\"name\":\"合作社\",\"adminUsername\":\"" + admin + "\",\"adminPassword\":\"1111111111\"}", 400,
                "adminPassword", "easy");
        refused("{\"name\":\"合作社\",\"adminUsername\":\"" + admin + "\",\"adminPassword\":\"" + admin + "-x\"}",
                400, "adminPassword", "username");
        refused("{\"name\":\"\\u200b \",\"adminUsername\":\"" + admin + "\",\"adminPassword\":\"goji-berries-2026\"}",
                400, "name", "");
        refused("{\"name\":\"合作社\",\"adminUsername\":\"Has Spaces\",\"adminPassword\":\"goji-berries-2026\"}",
                400, "adminUsername", "lower-case");
        refused("{\"name\":\"合作社\",\"adminUsername\":\"" + OPERATOR + "\",\"adminPassword\":\"goji-berries-2026\"}",
                409, null, "taken");
        assertThat(cooperatives.count()).isEqualTo(before);
        assertThat(users.count()).isEqualTo(usersBefore);
    }

    @Test
    void aSuspendedCooperativesUsersCannotLogInAndItsShopsAreNotPolledUntilResumed() throws Exception {
        String admin = "admin-" + Fixtures.unique();
        long id = open("中宁县枸杞合作社", admin, "ningxia-goji-red-2026").get("id").asLong();
        var cooperative = cooperatives.findById(id).orElseThrow();
        var shop = fixtures.shop(cooperative, Platform.DOUYIN, null);
        assertThat(polled()).contains(shop.platformShopId());

        mvc.perform(post("/api/cooperatives/{id}/suspension", id).with(httpBasic(OPERATOR, OPERATOR_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"合同到期\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.suspensionReason").value("合同到期"));
        mvc.perform(get("/api/hubs").with(httpBasic(admin, "ningxia-goji-red-2026")))
                .andExpect(status().isUnauthorized());
        assertThat(polled()).doesNotContain(shop.platformShopId());
        assertThat(shopAccounts.find(Platform.DOUYIN, shop.platformShopId())).as("nothing is deleted").isPresent();
        mvc.perform(post("/api/cooperatives/{id}/suspension", id).with(httpBasic(OPERATOR, OPERATOR_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict());

        mvc.perform(delete("/api/cooperatives/{id}/suspension", id).with(httpBasic(OPERATOR, OPERATOR_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/hubs").with(httpBasic(admin, "ningxia-goji-red-2026"))).andExpect(status().isOk());
        assertThat(polled()).contains(shop.platformShopId());
        mvc.perform(delete("/api/cooperatives/{id}/suspension", id).with(httpBasic(OPERATOR, OPERATOR_PASSWORD)))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/cooperatives/{id}/suspension", 999_999).with(httpBasic(OPERATOR, OPERATOR_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOperatorPageListsOpensAndSuspends() throws Exception {
        String admin = "admin-" + Fixtures.unique();
        mvc.perform(post("/operator/cooperatives").with(user(operator())).with(csrf())
                        .param("name", "同心县合作社 " + admin).param("adminUsername", admin)
                        .param("adminPassword", "tongxin-leather-2026"))
                .andExpect(status().is3xxRedirection());
        Long id = cooperatives.findAll().stream().filter(c -> c.name().endsWith(admin)).findFirst().orElseThrow().id();
        String page = mvc.perform(get("/operator").with(user(operator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("同心县合作社 " + admin).contains(admin).doesNotContain("tongxin-leather-2026");

        String weak = mvc.perform(post("/operator/cooperatives").with(user(operator()))
                        .with(csrf()).param("name", "另一个").param("adminUsername", "other-" + admin)
                        .param("adminPassword", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(weak).contains("data-error-for=\"adminPassword\"");

        mvc.perform(post("/operator/cooperatives/{id}/suspension", id).with(user(operator())).with(csrf())
                .param("reason", "")).andExpect(status().is3xxRedirection());
        assertThat(cooperatives.findById(id).orElseThrow().suspended()).as("not without a reason").isFalse();
        mvc.perform(post("/operator/cooperatives/{id}/suspension", id).with(user(operator()))
                .with(csrf()).param("reason", "欠费")).andExpect(status().is3xxRedirection());
        assertThat(cooperatives.findById(id).orElseThrow().suspended()).isTrue();
        mvc.perform(post("/operator/cooperatives/{id}/resumption", id).with(user(operator()))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(cooperatives.findById(id).orElseThrow().suspended()).isFalse();

        var coopAdmin = users.findByUsername(admin).orElseThrow();
        mvc.perform(get("/operator").with(user(new JiyunUser(coopAdmin.id(), coopAdmin.cooperativeId(), admin,
                coopAdmin.passwordHash(), Role.COOP_ADMIN, true)))).andExpect(status().isForbidden());
    }

    private JiyunUser operator() {
        var user = users.findByUsername(OPERATOR).orElseThrow();
        return new JiyunUser(user.id(), null, OPERATOR, user.passwordHash(), Role.OPERATOR, true);
    }

    private JsonNode open(String name, String admin, String password) throws Exception {
        String body = mvc.perform(post("/api/cooperatives").with(httpBasic(OPERATOR, OPERATOR_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("name", name, "adminUsername", admin,
                                "adminPassword", password))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private void refused(String body, int status, String field, String says) throws Exception {
        String answer = mvc.perform(post("/api/cooperatives").with(httpBasic(OPERATOR, OPERATOR_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
        if (field != null) {
            assertThat(answer).as(body).contains("\"field\":\"" + field + "\"");
        }
        assertThat(answer).as(body).contains(says);
    }

    private java.util.List<String> polled() {
        return shopAccounts.activeShops(Platform.DOUYIN).stream().map(ShopAccount::shopId).toList();
    }
}
