package cn.jiyun.fulfillment.errors;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A list asked for a sort, a page or a size it cannot serve answers a 400 problem naming the parameter:
 * an unknown sort property was a 500 on every list, a page beyond any list's rows too, and a negative page
 * or size was quietly clamped.
 */
@H2gisTest
class PagingAndSortingProblemsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @ParameterizedTest
    @CsvSource({
            "/api/orders,    sort, nonexistent",
            "/api/producers, sort, nonexistent",
            "/api/hubs,      sort, nonexistent,desc",
            "/api/orders,    page, -1",
            "/api/orders,    size, -5",
            "/api/orders,    size, 0",
            "/api/hubs,      size, 2001",
            "/api/producers, page, x",
    })
    void refusesWithAProblemNamingTheParameter(String list, String parameter, String value) throws Exception {
        JiyunUser admin = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get(list).param(parameter, value).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    @Test
    void refusesAPageBeyondTheLastRowAnyListCanHave() throws Exception {
        JiyunUser admin = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/api/orders").param("page", "2147483647").param("size", "2000").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void stillServesTheSortsAndPagesAListHas() throws Exception {
        Cooperative coop = fixtures.cooperative();
        fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        mvc.perform(get("/api/producers").param("sort", "name,desc").param("page", "0").param("size", "2000")
                        .with(as(admin)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/hubs").param("sort", "nonexistent").with(as(fixtures.user(coop, Role.COURIER))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void refusesSortingByWhatAListDoesNotShowAndServesWhatItNames() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        // real properties of the stored rows, but not the lists': a token, a raw payload, a cipher text
        for (String[] refused : new String[][]{{"/api/orders", "trackingToken"}, {"/api/orders", "rawPayload,desc"},
                {"/api/shops", "accessTokenEncrypted"}, {"/api/producers", "phone"}}) {
            mvc.perform(get(refused[0]).param("sort", refused[1]).with(as(admin)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("sort"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("can be by")));
        }
        for (String[] served : new String[][]{{"/api/orders", "paidAt,desc"}, {"/api/orders", "shipBy"},
                {"/api/hubs", "name"}, {"/api/vehicles", "plate,asc"}, {"/api/shops", "platform"},
                {"/api/plans", "createdAt,desc"}, {"/api/dead-letters", "receivedAt"},
                {"/api/write-backs", "nextAttemptAt"}}) {
            mvc.perform(get(served[0]).param("sort", served[1]).with(as(admin))).andExpect(status().isOk());
        }
    }
}
