package cn.jiyun.fulfillment.errors;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a refusal says: a problem that names the bad field and never the service's own classes, and a
 * 403 that is a problem like the rest. Each case once answered otherwise (see issue 14, finding 4).
 */
@H2gisTest
class ErrorBodiesTest {

    private static final String HUB = """
            {"name": "吴忠市利通区集散中心", "address": "利通区物流园 8 号", "countyCode": "640302",
             "location": {"latitude": 37.99, "longitude": 106.20},
             "opensAt": "%s", "closesAt": "%s", "carrierCutoff": "%s"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Cooperative coop;
    JiyunUser admin;

    @BeforeEach
    void cooperative() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
    }

    private ResultActions post(String path, JiyunUser user, String json) throws Exception {
        var request = MockMvcRequestBuilders.post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON);
        return mvc.perform(json == null ? request : request.content(json));
    }

    private long hubs() {
        return jdbc.sql("SELECT COUNT(*) FROM hub WHERE cooperative_id = :c").param("c", coop.id())
                .query(Long.class).single();
    }

    @Test
    void aMissingOrArrayBodyIsRefusedWithoutNamingTheServicesClasses() throws Exception {
        for (String body : new String[] {null, "[]", "[{\"name\": 1}]", "{"}) {
            post("/api/producers", admin, body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Malformed request body"))
                    .andExpect(content().string(not(containsString("cn.jiyun"))))
                    .andExpect(content().string(not(containsString("Controller"))));
        }
    }

    @Test
    void aBadTimeOrDateNamesItsField() throws Exception {
        post("/api/hubs", admin, HUB.formatted("25:00", "20:00", "17:30"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("opensAt"));
        fixtures.hub(coop, "中宁", 105.68, 37.49);
        for (String day : new String[] {"not-a-date", "yesterday"}) {
            post("/api/plans", admin, """
                    {"hubIds": [1], "days": 1, "firstDay": "%s"}""".formatted(day))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("firstDay"));
        }
    }

    @Test
    void aHubThatOpensAfterItClosesIsBlamedOnItsClosingTimeAndAnUnknownHubOnTheRequestsField() throws Exception {
        post("/api/hubs", admin, HUB.formatted("20:00", "07:00", "17:30"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("closesAt"));
        post("/api/hubs", admin, HUB.formatted("07:00", "20:00", "21:00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("carrierCutoff"));
        assertThat(hubs()).isZero();
        post("/api/plans", admin, """
                {"hubIds": [999999], "days": 1}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hubIds"));
    }

    @Test
    void aRefusalByRoleIsAProblemToo() throws Exception {
        post("/api/hubs", fixtures.user(coop, Role.COURIER), HUB.formatted("07:00", "20:00", "17:30"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Forbidden"));
        assertThat(hubs()).isZero();
    }
}
