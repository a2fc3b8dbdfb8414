package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.fulfillment.manifests.ApprovedRoute;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static cn.jiyun.fulfillment.support.Api.as;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * E-waybills at the hub, with WireMock as Douyin's e-waybill service: each order at the hub takes its number once
 * (a retry after Douyin was busy asks under the same key, a second take asks nothing), a refusal is kept with
 * Douyin's reason, the label reads back as the number, the handover needs no number typed, and a voided waybill is
 * followed by a take under a new pack id.
 */
@H2gisTest
class EWaybillDeskTest {

    @RegisterExtension
    static WireMockExtension douyin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void douyinAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("jiyun.platforms.douyin.base-url", douyin::baseUrl);
        registry.add("jiyun.platforms.douyin.app-key", () -> "ewaybill-test-key");
        registry.add("jiyun.platforms.douyin.app-secret", () -> "ewaybill-test-secret");
        // the fixtures' shops are not at this Douyin: it is asked only for e-waybills (and the sync a new shop starts)
        registry.add("jiyun.platforms.douyin.poll-interval", () -> "1h");
    }

    static final String ACCOUNT = """
            {"platform": "DOUYIN", "carrier": "ZTO", "branchCode": "640521", "accountId": "ZN-0001",
             "secret": "branch-s3cret", "sender": {"name": "中宁枸杞合作社", "mobile": "13900000000",
             "province": "宁夏回族自治区", "city": "中卫市", "district": "中宁县", "detail": "宁安镇物流园 1 号"}}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    ApprovedRoute approved;
    List<Order> orders;

    @BeforeEach
    void everyOrderOfARouteAtTheHub() throws Exception {
        douyin.resetAll();
        approved = ApprovedRoute.make(mvc, fixtures);
        orders = approved.orders();
        String codes = "\"" + String.join("\", \"", approved.parcelCodes()) + "\"";
        send(approved.courier(), "/api/routes/" + approved.routeId() + "/pickups", "{\"codes\": [" + codes + "]}", 200);
        send(approved.courier(), "/api/hub/arrivals", "{\"codes\": [" + codes + "]}", 200);
    }

    @Test
    void takesEachOrdersWaybillOnceKeepsRefusalsAndHandsOverUnderIt() throws Exception {
        String o0 = orders.get(0).platformOrderId();
        String o1 = orders.get(1).platformOrderId();
        String o2 = orders.get(2).platformOrderId();
        String o3 = orders.get(3).platformOrderId();
        String all = ids(0, 1, 2, 3);

        // no account yet: nothing is asked, and the answer says what to do
        DocumentContext none = take(approved.courier(), all);
        assertThat(none.<List<String>>read("$.results[*].outcome")).containsOnly("NOT_ASKED");
        assertThat(none.<String>read("$.results[0].reason")).contains("no active Douyin e-waybill account");
        assertThat(douyin.findAll(postRequestedFor(urlPathEqualTo("/logistics/newCreateOrder")))).isEmpty();

        // the admin adds the account; its secret is kept encrypted and never shown
        String saved = send(approved.admin(), "/api/e-waybill-accounts", ACCOUNT, 200);
        assertThat(saved).contains("\"hasSecret\":true").doesNotContain("branch-s3cret");
        assertThat(jdbc.sql("SELECT secret_cipher FROM ewaybill_account WHERE cooperative_id = ?")
                .param(approved.cooperative().id()).query(String.class).single()).doesNotContain("branch-s3cret");

        taken(o0, "78310000000001");
        douyin.stubFor(create(o1).willReturn(okJson(success("{\"ebill_infos\":[],\"err_infos\":[{\"order_id\":\""
                + o1 + "\",\"err_code\":\"30012\",\"err_msg\":\"网点余额不足\"}]}"))));
        // Douyin stays busy (its 20000) through the client's own retries: the take fails, retryable
        douyin.stubFor(create(o2).willReturn(okJson("{\"code\":20000,\"msg\":\"服务暂不可用\",\"sub_code\":"
                + "\"isp.service-error\",\"sub_msg\":\"系统繁忙\",\"log_id\":\"2\",\"data\":{}}")));
        taken(o3, "78310000000003");

        DocumentContext first = take(approved.courier(), all);
        assertThat(first.<List<String>>read("$.results[*].outcome"))
                .containsExactly("TAKEN", "FAILED", "FAILED", "TAKEN");
        assertThat(first.<String>read("$.results[0].waybillNumber")).isEqualTo("78310000000001");
        assertThat(first.<String>read("$.results[0].carrier")).isEqualTo("ZTO");
        assertThat(first.<String>read("$.results[0].sortCode")).isEqualTo("300-A12 05");
        assertThat(first.<String>read("$.results[1].reason")).contains("网点余额不足");
        assertThat(first.<Boolean>read("$.results[1].retryable")).isFalse();
        assertThat(first.<Boolean>read("$.results[2].retryable")).isTrue();
        // the branch's contract went to Douyin with the take, the secret decrypted only for it
        assertThat(bodies(o0).get(0)).contains("\"net_code\":\"640521\"", "\"secret_key\":\"branch-s3cret\"");

        int busyAsks = bodies(o2).size();
        douyin.stubFor(create(o2).willReturn(okJson(success(ebill(o2, "78310000000002")))));
        // asked again: the taken one is not asked, the failed one is asked under the same key and gets its number
        DocumentContext again = take(approved.courier(), ids(0, 2));
        assertThat(again.<List<String>>read("$.results[*].outcome")).containsExactly("ALREADY_TAKEN", "TAKEN");
        assertThat(again.<String>read("$.results[1].waybillNumber")).isEqualTo("78310000000002");
        assertThat(bodies(o0)).hasSize(1);
        assertThat(bodies(o2)).hasSize(busyAsks + 1).allSatisfy(body -> assertThat(body).doesNotContain("pack_id"));
        assertThat(bodies(o2)).containsOnly(bodies(o2).get(0));

        // the hub page lists each order with its waybill or Douyin's reason
        String page = mvc.perform(get("/hub").with(user(approved.courier()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("78310000000001", "78310000000003", "网点余额不足", "id=\"ewaybill-take\"",
                "/hub/e-waybills/labels.pdf?orderIds=");

        // the label: 76 × 130 mm, its barcode reads back as the number
        byte[] label = mvc.perform(get("/api/hub/e-waybills/{id}/label.pdf", orders.get(3).id())
                        .with(as(approved.courier()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(label)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(LabelPdfReader.barcodeOf(document, 0)).isEqualTo("78310000000003");
        }
        byte[] load = mvc.perform(get("/api/hub/e-waybills/labels.pdf").param("orderIds", ids(0, 2, 3))
                .with(as(approved.courier()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(load)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(LabelPdfReader.barcodeOf(document, 1)).isEqualTo("78310000000002");
        }
        // a refused one has no label
        mvc.perform(get("/api/hub/e-waybills/{id}/label.pdf", orders.get(1).id()).with(as(approved.courier())))
                .andExpect(status().isConflict());

        // handed over with no number typed: under its e-waybill, which goes to the write-back
        String handed = send(approved.courier(), "/api/hub/handovers", "{\"orderId\": " + orders.get(0).id() + "}",
                200);
        assertThat(JsonPath.<String>read(handed, "$.waybillNumber")).isEqualTo("78310000000001");
        assertThat(JsonPath.<String>read(handed, "$.carrier")).isEqualTo("ZTO");
        assertThat(jdbc.sql("SELECT waybill_number FROM write_back WHERE order_id = ?").param(orders.get(0).id())
                .query(String.class).list()).containsExactly("78310000000001");
        // another number than the e-waybill's is refused
        String other = send(approved.courier(), "/api/hub/handovers", "{\"orderId\": " + orders.get(3).id()
                + ", \"carrier\": \"ZTO\", \"waybillNumber\": \"78399999999999\"}", 409);
        assertThat(other).contains("78310000000003");
        // a handed-over parcel's waybill cannot be voided
        send(approved.courier(), "/api/hub/e-waybills/" + orders.get(0).id() + "/cancellation", "", 409);

        // voided at Douyin; the next take asks under a new pack id and gets a new number
        douyin.stubFor(post(urlPathEqualTo("/logistics/cancelOrder")).withRequestBody(containing("78310000000003"))
                .willReturn(okJson(success("{\"success\":true}"))));
        String voided = send(approved.courier(), "/api/hub/e-waybills/" + orders.get(3).id() + "/cancellation", "",
                200);
        assertThat(JsonPath.<String>read(voided, "$.status")).isEqualTo("CANCELLED");
        douyin.stubFor(create(o3).withRequestBody(containing("\"pack_id\":\"JY2\""))
                .willReturn(okJson(success(ebill(o3, "78310000000004")))));
        DocumentContext retaken = take(approved.courier(), ids(3));
        assertThat(retaken.<String>read("$.results[0].outcome")).isEqualTo("TAKEN");
        assertThat(retaken.<String>read("$.results[0].waybillNumber")).isEqualTo("78310000000004");
        assertThat(jdbc.sql("SELECT take_number || ' ' || status FROM ewaybill WHERE order_id = ? ORDER BY take_number")
                .param(orders.get(3).id()).query(String.class).list()).containsExactly("1 CANCELLED", "2 TAKEN");
        assertThat(jdbc.sql("SELECT kind FROM audit_event WHERE cooperative_id = ? ORDER BY id")
                .param(approved.cooperative().id()).query(String.class).list())
                .contains("EWAYBILL_ACCOUNT_SAVED", "EWAYBILL_CANCELLED");
    }

    @Test
    void anotherCooperativesOrdersAreNotAskedForAndItsAccountsNotSeen() throws Exception {
        send(approved.admin(), "/api/e-waybill-accounts", ACCOUNT, 200);
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        send(stranger, "/api/e-waybill-accounts", ACCOUNT, 200);

        DocumentContext answer = take(stranger, ids(0));
        assertThat(answer.<String>read("$.results[0].outcome")).isEqualTo("NOT_ASKED");
        assertThat(answer.<String>read("$.results[0].reason")).isEqualTo("no order " + orders.get(0).id()
                + " in this cooperative");
        assertThat(douyin.findAll(postRequestedFor(urlPathEqualTo("/logistics/newCreateOrder")))).isEmpty();
        mvc.perform(get("/api/hub/e-waybills/labels.pdf").param("orderIds", ids(0)).with(as(stranger)))
                .andExpect(status().isNotFound());
        String theirs = mvc.perform(get("/api/e-waybill-accounts").with(as(stranger))).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<?>>read(theirs, "$")).hasSize(1);
        // a bad account is refused field by field
        String bad = send(approved.admin(), "/api/e-waybill-accounts",
                ACCOUNT.replace("13900000000", "12345").replace("\"640521\"", "\" \""), 400);
        assertThat(JsonPath.<String>read(bad, "$.errors[0].field")).isEqualTo("branchCode");
        send(approved.admin(), "/api/e-waybill-accounts", ACCOUNT.replace("13900000000", "12345"), 400);
    }

    private void taken(String platformOrderId, String number) {
        douyin.stubFor(create(platformOrderId).willReturn(okJson(success(ebill(platformOrderId, number)))));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder create(String platformOrderId) {
        return post(urlPathEqualTo("/logistics/newCreateOrder"))
                .withRequestBody(containing("\"order_id\":\"" + platformOrderId + "\""));
    }

    private static String ebill(String platformOrderId, String number) {
        return "{\"ebill_infos\":[{\"order_id\":\"" + platformOrderId + "\",\"track_no\":\"" + number
                + "\",\"company\":\"zhongtong\",\"sort_code\":\"300-A12 05\"}],\"err_infos\":[]}";
    }

    private static String success(String data) {
        return "{\"code\":10000,\"msg\":\"success\",\"sub_code\":\"\",\"sub_msg\":\"\",\"log_id\":\"1\",\"data\":"
                + data + "}";
    }

    /** The bodies Douyin received for the order's takes. */
    private List<String> bodies(String platformOrderId) {
        List<LoggedRequest> requests = douyin.findAll(postRequestedFor(urlPathEqualTo("/logistics/newCreateOrder"))
                .withRequestBody(containing("\"order_id\":\"" + platformOrderId + "\"")));
        return requests.stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private String ids(int... indexes) {
        return String.join(",", java.util.Arrays.stream(indexes).mapToObj(i -> String.valueOf(orders.get(i).id()))
                .toList());
    }

    private DocumentContext take(JiyunUser who, String orderIds) throws Exception {
        return JsonPath.parse(send(who, "/api/hub/e-waybills", "{\"orderIds\": [" + orderIds + "]}", 200));
    }

    private String send(JiyunUser who, String path, String body, int expected) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(who));
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }
}
