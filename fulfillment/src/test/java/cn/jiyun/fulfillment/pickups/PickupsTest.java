package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.manifests.ApprovedRoute;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Couriers confirm pickups on their routes, on the manifest page and through the API. */
@H2gisTest
class PickupsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    ApprovedRoute approved;

    @BeforeEach
    void aRoutePlannedApprovedAndGivenToACourier() throws Exception {
        approved = ApprovedRoute.make(mvc, fixtures);
        assertThat(stopCodes(1)).isNotEmpty();
        assertThat(sheet(approved.courier()).<List<?>>read("$.stops")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void confirmingTheSameParcelTwiceCountsItOnce() throws Exception {
        String code = stopCodes(1).get(0);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/manifests/{id}/parcels", approved.routeId()).with(user(approved.courier())).with(csrf())
                            .param("codes", code).param("stop", "1").param("requestId", "tick-" + i))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/manifests/" + approved.routeId() + "#stop-1"))
                    .andExpect(flash().attributeExists("notice"));
        }
        // and once more through the API, typed in lower case
        String again = api(approved.courier(), "/api/routes/{id}/pickups",
                "{\"codes\": [\"" + code.toLowerCase() + "\"]}", 200);
        assertThat(JsonPath.<Boolean>read(again, "$.parcels[0].alreadyRecorded")).isTrue();

        DocumentContext sheet = sheet(approved.courier());
        assertThat(sheet.<Integer>read("$.collected")).isEqualTo(1);
        assertThat(sheet.<Integer>read("$.confirmed")).isEqualTo(1);
        assertThat(sheet.<Number>read("$.collectedGrams").longValue()).isEqualTo(1_300L);
        DocumentContext order = order(orderOf(code));
        assertThat(order.<String>read("$.status")).isEqualTo("PICKED_UP");
        assertThat(order.<List<String>>read("$.events[?(@.status == 'PICKED_UP')].actor"))
                .containsExactly(approved.courier().getUsername());

        String page = mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(approved.courier())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-test=\"outcome-" + code + "\"", "已揽收总重 1.3 公斤", "已确认 1 / ")
                .doesNotContain("id=\"tick-" + code + "\"")
                .contains("src=\"/js/pickups-scan.js\"");
        // the page's script comes from the jar, never from a CDN
        assertThat(mvc.perform(get("/js/pickups-scan.js")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("BarcodeDetector");
    }

    @Test
    void confirmationsSentAtTheSameMomentCountTheParcelOnce() throws Exception {
        String code = stopCodes(1).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> mvc.perform(post("/api/routes/{id}/pickups", approved.routeId())
                                .with(as(approved.courier())).contentType(MediaType.APPLICATION_JSON)
                                .content("{\"codes\": [\"" + code + "\"]}"))
                        .andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> answer : sent) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sheet(approved.courier()).<Integer>read("$.collected")).isEqualTo(1);
        DocumentContext order = order(orderOf(code));
        assertThat(order.<String>read("$.status")).isEqualTo("PICKED_UP");
        assertThat(order.<List<?>>read("$.events[?(@.status == 'PICKED_UP')]")).hasSize(1);
    }

    @Test
    void aRetriedRequestGetsTheFirstAnswerBack() throws Exception {
        String code = stopCodes(1).get(0);
        String body = "{\"codes\": [\"" + code + "\"], \"requestId\": \"scanner-42\"}";
        String first = api(approved.courier(), "/api/routes/{id}/pickups", body, 200);
        String retried = api(approved.courier(), "/api/routes/{id}/pickups", body, 200);

        assertThat(JsonPath.<Boolean>read(first, "$.parcels[0].alreadyRecorded")).isFalse();
        assertThat(JsonPath.<String>read(first, "$.orders[0].status")).isEqualTo("PICKED_UP");
        assertThat(retried).isEqualTo(first);
        assertThat(sheet(approved.courier()).<Integer>read("$.collected")).isEqualTo(1);
    }

    @Test
    void notReadyGoesBackToPlanningAndRefusedNeedsAPersonWithItsReason() throws Exception {
        List<String> codes = stopCodes(1);
        String notReady = codes.get(0);
        String result = api(approved.courier(), "/api/routes/{id}/pickups",
                "{\"codes\": [\"" + notReady + "\"], \"outcome\": \"NOT_READY\", \"reason\": \"还没打包\"}", 200);
        assertThat(JsonPath.<String>read(result, "$.parcels[0].outcome")).isEqualTo("NOT_READY");
        assertThat(order(orderOf(notReady)).<String>read("$.status")).isEqualTo("AWAITING_PICKUP");

        String refused = stopCodes(2).get(0);
        // a refusal needs its reason, and without one nothing is recorded
        api(approved.courier(), "/api/routes/{id}/pickups",
                "{\"codes\": [\"" + refused + "\"], \"outcome\": \"REFUSED\"}", 400);
        assertThat(order(orderOf(refused)).<String>read("$.status")).isEqualTo("PLANNED");

        mvc.perform(post("/manifests/{id}/parcels", approved.routeId()).with(user(approved.courier())).with(csrf())
                        .param("codes", refused).param("outcome", "REFUSED").param("reason", "农户说价格不对"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        DocumentContext order = order(orderOf(refused));
        assertThat(order.<String>read("$.status")).isEqualTo("NEEDS_ATTENTION");
        assertThat(order.<String>read("$.attentionReason")).contains(refused, "refused", "农户说价格不对");

        DocumentContext sheet = sheet(approved.courier());
        assertThat(sheet.<List<String>>read("$.stops[0].parcels[?(@.code == '" + notReady + "')].reason"))
                .containsExactly("还没打包");
        assertThat(sheet.<Integer>read("$.collected")).isZero();

        // a parcel already recorded cannot be recorded otherwise
        String conflict = api(approved.courier(), "/api/routes/{id}/pickups", "{\"codes\": [\"" + notReady + "\"]}", 409);
        assertThat(conflict).contains(notReady, "Not ready");
    }

    @Test
    void anAbsentProducersStopIsSkippedAndItsOrdersGoBackToPlanning() throws Exception {
        List<String> codes = stopCodes(2);
        String skipped = api(approved.courier(), "/api/routes/{id}/stops/2/skip", "{\"reason\": \"家里没人\"}", 200);
        assertThat(JsonPath.<Integer>read(skipped, "$.skippedStop")).isEqualTo(2);
        for (String code : codes) {
            assertThat(order(orderOf(code)).<String>read("$.status")).isEqualTo("AWAITING_PICKUP");
        }
        String again = api(approved.courier(), "/api/routes/{id}/stops/2/skip", "{}", 200);
        assertThat(JsonPath.<Boolean>read(again, "$.alreadySkipped")).isTrue();

        api(approved.courier(), "/api/routes/{id}/pickups", "{\"codes\": [\"" + codes.get(0) + "\"]}", 409);
        DocumentContext sheet = sheet(approved.courier());
        assertThat(sheet.<Boolean>read("$.stops[1].skipped")).isTrue();
        assertThat(sheet.<String>read("$.stops[1].skipReason")).isEqualTo("家里没人");
        assertThat(sheet.<Integer>read("$.confirmed")).isZero();

        String page = mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(approved.courier())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-test=\"stop-skipped-2\"").doesNotContain("id=\"skip-2\"")
                .contains("id=\"skip-1\"");
    }

    @Test
    void onlyTheRoutesCourierOrAnAdminMayConfirm() throws Exception {
        String code = stopCodes(1).get(0);
        JiyunUser other = fixtures.user(approved.cooperative(), Role.COURIER);
        mvc.perform(post("/manifests/{id}/parcels", approved.routeId()).with(user(other)).with(csrf())
                .param("codes", code)).andExpect(status().isNotFound());
        mvc.perform(post("/manifests/{id}/stops/1/skip", approved.routeId()).with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());
        api(other, "/api/routes/{id}/pickups", "{\"codes\": [\"" + code + "\"]}", 404);
        api(other, "/api/routes/{id}/stops/1/skip", "{}", 404);
        mvc.perform(get("/api/routes/{id}/pickups", approved.routeId()).with(as(other))).andExpect(status().isNotFound());

        JiyunUser seller = fixtures.user(approved.cooperative(), Role.SELLER);
        api(seller, "/api/routes/{id}/pickups", "{\"codes\": [\"" + code + "\"]}", 403);
        mvc.perform(post("/manifests/{id}/parcels", approved.routeId()).with(user(seller)).with(csrf())
                .param("codes", code)).andExpect(status().isForbidden());
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        api(stranger, "/api/routes/{id}/pickups", "{\"codes\": [\"" + code + "\"]}", 404);
        // a page form without its CSRF token is refused
        mvc.perform(post("/manifests/{id}/parcels", approved.routeId()).with(user(approved.courier()))
                .param("codes", code)).andExpect(status().isForbidden());

        assertThat(sheet(approved.courier()).<Integer>read("$.confirmed")).isZero();
        assertThat(order(orderOf(code)).<String>read("$.status")).isEqualTo("PLANNED");

        // the cooperative's admin may confirm for the courier
        api(approved.admin(), "/api/routes/{id}/pickups", "{\"codes\": [\"" + code + "\"]}", 200);
        assertThat(order(orderOf(code)).<String>read("$.status")).isEqualTo("PICKED_UP");
    }

    @Test
    void badCodesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        String good = stopCodes(1).get(0);
        ApprovedRoute elsewhere = ApprovedRoute.make(mvc, fixtures);
        String foreign = elsewhere.parcelCodes().get(0);

        String unknown = api(approved.courier(), "/api/routes/{id}/pickups",
                "{\"codes\": [\"" + good + "\", \"JYNOSUCHCODE\"]}", 400);
        assertThat(JsonPath.<String>read(unknown, "$.errors[0].field")).isEqualTo("codes");
        assertThat(JsonPath.<String>read(unknown, "$.errors[0].message")).contains("JYNOSUCHCODE", "not on route");
        api(approved.courier(), "/api/routes/{id}/pickups", "{\"codes\": [\"" + foreign + "\"]}", 400);
        api(approved.courier(), "/api/routes/{id}/pickups", "{\"codes\": []}", 400);

        MvcResult page = mvc.perform(post("/manifests/{id}/parcels", approved.routeId())
                        .with(user(approved.courier())).with(csrf()).param("codes", foreign + " " + good))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) page.getFlashMap().get("problem")).contains(foreign, "不在线路");
        MvcResult badOutcome = mvc.perform(post("/manifests/{id}/parcels", approved.routeId())
                        .with(user(approved.courier())).with(csrf()).param("codes", good).param("outcome", "LOST"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) badOutcome.getFlashMap().get("problem")).isEqualTo("请选择包裹的情况。");

        assertThat(sheet(approved.courier()).<Integer>read("$.confirmed")).isZero();
        assertThat(order(orderOf(good)).<String>read("$.status")).isEqualTo("PLANNED");
    }

    // --- helpers

    private DocumentContext sheet(JiyunUser who) throws Exception {
        return JsonPath.parse(mvc.perform(get("/api/routes/{id}/pickups", approved.routeId()).with(as(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<String> stopCodes(int stop) throws Exception {
        return sheet(approved.courier()).read("$.stops[" + (stop - 1) + "].parcels[*].code");
    }

    private long orderOf(String code) {
        return approved.orders().stream().filter(o -> o.parcels().stream().anyMatch(p -> p.code().equals(code)))
                .findFirst().orElseThrow().id();
    }

    private DocumentContext order(long id) throws Exception {
        return JsonPath.parse(mvc.perform(get("/api/orders/{id}", id).with(as(approved.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String api(JiyunUser who, String path, String body, int expected) throws Exception {
        return mvc.perform(post(path, approved.routeId()).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }
}
