package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.kuaidi100.Kuaidi100Signer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static cn.jiyun.fulfillment.support.Api.as;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The parcel's journey after the hub, with WireMock as Kuaidi100: each handed-over waybill is subscribed with the
 * account's key, the salt and the callback; signed pushes keep their scans once and move the order; a bad signature,
 * a repeat and an unknown waybill change nothing of any order; a silent carrier is reported after 72 h.
 */
@H2gisTest
@TestPropertySource(properties = {
        "jiyun.tracking.kuaidi100.key=test-kuaidi100-key",
        "jiyun.tracking.kuaidi100.salt=" + ParcelJourneyTest.SALT,
        "jiyun.tracking.kuaidi100.callback-url=https://jiyun.example.cn/webhooks/kuaidi100",
        // the test sends the queue itself, so no scheduled round runs meanwhile
        "jiyun.tracking.interval=1h",
        "jiyun.tracking.silence-check-interval=1h",
        "jiyun.tracking.max-attempts=3"})
class ParcelJourneyTest {

    static final String SALT = "test-salt-0123456789abcdef012345";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension kuaidi100 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void kuaidi100Url(DynamicPropertyRegistry registry) {
        registry.add("jiyun.tracking.kuaidi100.base-url", kuaidi100::baseUrl);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orderService;
    @Autowired
    TrackingSubscriber subscriber;
    @Autowired
    ParcelJourney journey;
    @Autowired
    JdbcClient jdbc;

    Cooperative coop;
    JiyunUser admin;
    JiyunUser seller;
    Order order;
    String waybill;

    @BeforeEach
    void aHandedOverOrder() {
        kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        seller = fixtures.user(coop, Role.SELLER);
        Producer producer = fixtures.producer(coop, "马家枸杞园", 105.70, 37.50);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, seller.userId());
        order = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 1);
        for (OrderStatus step : List.of(OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB)) {
            orderService.changeStatus(coop.id(), order.id(), step, null, null, null, "test");
        }
        waybill = "7831" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        orderService.changeStatus(coop.id(), order.id(), OrderStatus.HANDED_TO_CARRIER, null, Carrier.ZTO, waybill,
                "test");
    }

    @Test
    void subscribesEachHandedOverWaybillWithTheKeyTheSaltAndTheCallback() throws Exception {
        assertThat(subscriptionStatus()).isEqualTo("PENDING");

        subscriber.sendDue();

        List<LoggedRequest> sent = kuaidi100.findAll(postRequestedFor(urlPathEqualTo("/poll")));
        LoggedRequest ours = sent.stream().filter(r -> r.getBodyAsString().contains(waybill)).findFirst().orElseThrow();
        assertThat(ours.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(ours.formParameters().get("schema").firstValue()).isEqualTo("json");
        var param = JSON.readTree(ours.formParameters().get("param").firstValue());
        assertThat(param.path("company").asText()).isEqualTo("zhongtong");
        assertThat(param.path("number").asText()).isEqualTo(waybill);
        assertThat(param.path("key").asText()).isEqualTo("test-kuaidi100-key");
        assertThat(param.path("parameters").path("salt").asText()).isEqualTo(SALT);
        assertThat(param.path("parameters").path("callbackurl").asText())
                .isEqualTo("https://jiyun.example.cn/webhooks/kuaidi100?cooperative=" + coop.id());
        assertThat(param.path("parameters").path("resultv2").asText()).isEqualTo("1");
        assertThat(subscriptionStatus()).isEqualTo("SUBSCRIBED");

        // once only: the next round sends nothing for it
        subscriber.sendDue();
        assertThat(kuaidi100.findAll(postRequestedFor(urlPathEqualTo("/poll"))).stream()
                .filter(r -> r.getBodyAsString().contains(waybill))).hasSize(1);
    }

    @Test
    void aFailingSubscriptionIsTriedAgainThenShownFailedAndCanBeRetried() throws Exception {
        kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(aResponse().withStatus(502)));
        subscriber.sendDue();
        assertThat(subscriptionStatus()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT attempts FROM tracking_subscription WHERE order_id = ?").param(order.id())
                .query(Integer.class).single()).isEqualTo(1);

        kuaidi100.stubFor(post(urlPathEqualTo("/poll")).willReturn(aResponse().withBody(
                "{\"result\":false,\"returnCode\":\"600\",\"message\":\"您不是合法的订阅者（即授权Key出错）\"}")));
        jdbc.sql("UPDATE tracking_subscription SET next_attempt_at = ? WHERE order_id = ?")
                .params(Instant.now().minusSeconds(1), order.id()).update();
        subscriber.sendDue();
        assertThat(subscriptionStatus()).isEqualTo("FAILED");

        String failed = mvc.perform(get("/api/tracking/subscriptions").param("status", "FAILED").with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(failed, "$.content[*].waybillNumber")).containsExactly(waybill);
        assertThat(JsonPath.<String>read(failed, "$.content[0].lastError")).contains("600", "授权Key出错");
        Number id = JsonPath.read(failed, "$.content[0].id");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/tracking/subscriptions/{id}/retry", id).with(as(admin)))
                .andExpect(status().isOk());
        assertThat(subscriptionStatus()).isEqualTo("PENDING");
    }

    @Test
    void signedPushesKeepTheScansAndMoveTheOrderToDelivered() throws Exception {
        Instant collected = Instant.now().minus(Duration.ofHours(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String[] pickup = scan(collected, "【中卫市】中宁县网点 已揽收，揽收员：马师傅，电话：13912345678",
                "宁夏回族自治区,中卫市,中宁县", "揽收");
        String[] yinchuan = scan(collected.plus(Duration.ofHours(4)), "快件已到达【银川转运中心】", "宁夏回族自治区,银川市", "在途");
        push(pickup).andExpect(status().isOk());
        assertThat(orderStatus()).isEqualTo("IN_TRANSIT");

        String[] out = scan(collected.plus(Duration.ofHours(26)), "【杭州市】快件派送中，派件员：李师傅，电话：13987654321",
                "浙江省,杭州市,西湖区", "派件");
        String[] signed = scan(collected.plus(Duration.ofHours(29)), "【杭州市】已签收，签收人：王小明，如有疑问请联系派件员",
                "浙江省,杭州市,西湖区", "签收");
        String body = push(signed, out, yinchuan, pickup).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Boolean>read(body, "$.result")).isTrue();

        assertThat(orderStatus()).isEqualTo("DELIVERED");
        List<CarrierScan> kept = journey.scansOf(order.id());
        assertThat(kept).extracting(CarrierScan::stage).extracting(Enum::name)
                .containsExactly("COLLECTED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(kept.get(0).scannedAt()).isEqualTo(collected);
        assertThat(kept.get(1).area()).isEqualTo("宁夏回族自治区,银川市");
        assertThat(kept.get(0).description()).contains("电话：*******5678").doesNotContain("13912345678");
        assertThat(kept.get(3).description()).contains("签收人：*").doesNotContain("王小明");
        assertThat(kept).extracting(CarrierScan::aggregatorState).containsExactly("揽收", "在途", "派件", "签收");
        assertThat(jdbc.sql("SELECT status FROM tracking_subscription WHERE order_id = ?").param(order.id())
                .query(String.class).single()).isEqualTo("FINISHED");

        // the seller's page and the public link show the journey by city; neither shows the buyer, nor a phone
        String sellerPage = mvc.perform(get("/orders/{id}", order.id()).with(user(seller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sellerPage).contains("快递已揽收", "中卫市", "银川市", "派送中", "杭州市", "已签收", "scan-DELIVERED",
                "*******4321", "step-IN_TRANSIT", "step-DELIVERED")
                .doesNotContain("13987654321", "13912345678", "王小明");
        String publicPage = mvc.perform(get("/track/{token}", order.trackingToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("快递已揽收", "银川市", "派送中", "杭州市", "已签收",
                LocalDateTime.ofInstant(collected, CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .doesNotContain("13987654321", "4321", "王小明", "李师傅", "西湖区", "深圳市", "广东省", "马家枸杞园");
    }

    @Test
    void aPushWithABadSignatureIsRefusedAndChangesNothing() throws Exception {
        String param = param(scan(Instant.now(), "已揽收", "宁夏回族自治区,中卫市", "揽收"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/kuaidi100")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("param", param).param("sign", new Kuaidi100Signer("not-our-salt").sign(param)))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/kuaidi100")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("param", param))
                .andExpect(status().isUnauthorized());

        assertThat(orderStatus()).isEqualTo("HANDED_TO_CARRIER");
        assertThat(journey.scansOf(order.id())).isEmpty();
        assertThat(deadLetters()).isZero();
    }

    @Test
    void theSamePushTwiceChangesNothingTheSecondTime() throws Exception {
        String[] pickup = scan(Instant.now().minusSeconds(600), "已揽收", "宁夏回族自治区,中卫市", "揽收");
        push(pickup).andExpect(status().isOk());
        int events = orderEvents();
        assertThat(journey.scansOf(order.id())).hasSize(1);

        push(pickup).andExpect(status().isOk());

        assertThat(journey.scansOf(order.id())).hasSize(1);
        assertThat(orderEvents()).isEqualTo(events);
        assertThat(orderStatus()).isEqualTo("IN_TRANSIT");
    }

    @Test
    void aPushForAnUnknownWaybillIsKeptAsADeadLetterThatThePersonSees() throws Exception {
        String unknown = "9999" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String param = param(unknown, scan(Instant.now(), "已揽收，揽收员电话 13900001111", "宁夏回族自治区,中卫市", "揽收"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .post("/webhooks/kuaidi100").param("cooperative", String.valueOf(coop.id()))
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("param", param).param("sign", new Kuaidi100Signer(SALT).sign(param)))
                    .andExpect(status().isOk());
        }

        String letters = mvc.perform(get("/api/tracking/dead-letters").with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(letters, "$.content[*].waybillNumber")).containsExactly(unknown);
        assertThat(JsonPath.<Integer>read(letters, "$.content[0].pushes")).isEqualTo(2);
        assertThat(JsonPath.<String>read(letters, "$.content[0].reason")).contains("no order has waybill " + unknown);
        assertThat(JsonPath.<String>read(letters, "$.content[0].rawPush")).contains("*******1111")
                .doesNotContain("13900001111");
        assertThat(orderStatus()).isEqualTo("HANDED_TO_CARRIER");
    }

    @Test
    void aProblemParcelAndAReturnWaitInTheAttentionListWithTheCarriersWords() throws Exception {
        Instant t = Instant.now().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String[] pickup = scan(t, "已揽收", "宁夏回族自治区,中卫市", "揽收");
        String[] problem = scan(t.plus(Duration.ofHours(2)), "快件外包装破损，已联系寄件方处理", "陕西省,西安市", "疑难");
        push(problem, pickup).andExpect(status().isOk());
        assertThat(orderStatus()).isEqualTo("NEEDS_ATTENTION");
        assertThat(attentionReason()).isEqualTo(ParcelJourney.PROBLEM + "快件外包装破损，已联系寄件方处理");
        String attention = mvc.perform(get("/admin/attention").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(attention).contains(order.platformOrderId(), "快件外包装破损");

        String[] back = scan(t.plus(Duration.ofHours(3)), "收件地址不详，快件退回寄件方", "陕西省,西安市", "退回");
        push(back, problem, pickup).andExpect(status().isOk());
        assertThat(orderStatus()).isEqualTo("NEEDS_ATTENTION");
        assertThat(attentionReason()).isEqualTo(ParcelJourney.RETURN + "收件地址不详，快件退回寄件方");
        assertThat(jdbc.sql("SELECT status FROM tracking_event WHERE order_id = ? ORDER BY id").param(order.id())
                .query(String.class).list()).containsSubsequence("HANDED_TO_CARRIER", "NEEDS_ATTENTION",
                "RETURNED", "NEEDS_ATTENTION");
        String publicPage = mvc.perform(get("/track/{token}", order.trackingToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("step-RETURNED", "退回中").doesNotContain("step-DELIVERED");
    }

    @Test
    void aParcelWithoutAScanForSeventyTwoHoursNeedsAPersonOnce() throws Exception {
        Instant handedOver = Instant.now();
        Duration silentAfter = Duration.ofHours(72);

        assertThat(journey.reportSilentCarriers(handedOver.plus(Duration.ofHours(71)), silentAfter))
                .doesNotContain(order.id());
        assertThat(orderStatus()).isEqualTo("HANDED_TO_CARRIER");

        assertThat(journey.reportSilentCarriers(handedOver.plus(Duration.ofHours(73)), silentAfter))
                .contains(order.id());
        assertThat(orderStatus()).isEqualTo("NEEDS_ATTENTION");
        assertThat(attentionReason()).startsWith(ParcelJourney.SILENT + "72 h");
        assertThat(journey.reportSilentCarriers(handedOver.plus(Duration.ofHours(80)), silentAfter))
                .doesNotContain(order.id());

        // the carrier speaks again: the order moves on and leaves the attention list
        push(scan(Instant.now(), "快件已到达【银川转运中心】", "宁夏回族自治区,银川市", "在途")).andExpect(status().isOk());
        assertThat(orderStatus()).isEqualTo("IN_TRANSIT");
        assertThat(attentionReason()).isNull();
    }

    // --- pushes as Kuaidi100 sends them

    private static String[] scan(Instant at, String context, String area, String word) {
        return new String[] {LocalDateTime.ofInstant(at, CHINA).format(TIME), context, area, word};
    }

    /** A push of these scans, newest first as Kuaidi100 sends them, signed with our salt. */
    private ResultActions push(String[]... newestFirst) throws Exception {
        String param = param(waybill, newestFirst);
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/kuaidi100")
                .param("cooperative", String.valueOf(coop.id()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("param", param).param("sign", new Kuaidi100Signer(SALT).sign(param)));
    }

    private String param(String[]... newestFirst) {
        return param(waybill, newestFirst);
    }

    private static String param(String number, String[]... newestFirst) {
        ObjectNode param = JSON.createObjectNode();
        param.put("status", "polling");
        param.put("billstatus", "");
        param.put("message", "");
        ObjectNode last = param.putObject("lastResult");
        last.put("message", "ok");
        last.put("nu", number);
        last.put("ischeck", "0");
        last.put("com", "zhongtong");
        last.put("status", "200");
        last.put("state", "0");
        ArrayNode data = last.putArray("data");
        for (String[] s : newestFirst) {
            ObjectNode item = data.addObject();
            item.put("time", s[0]);
            item.put("ftime", s[0]);
            item.put("context", s[1]);
            item.put("areaName", s[2]);
            item.put("status", s[3]);
        }
        return param.toString();
    }

    private String subscriptionStatus() {
        return jdbc.sql("SELECT status FROM tracking_subscription WHERE order_id = ?").param(order.id())
                .query(String.class).single();
    }

    private String orderStatus() {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(order.id()).query(String.class).single();
    }

    private String attentionReason() {
        return jdbc.sql("SELECT attention_reason FROM orders WHERE id = ?").param(order.id()).query(String.class)
                .optional().orElse(null);
    }

    private int orderEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM tracking_event WHERE order_id = ?").param(order.id())
                .query(Integer.class).single();
    }

    private long deadLetters() {
        return jdbc.sql("SELECT COUNT(*) FROM tracking_dead_letter WHERE cooperative_id = ?").param(coop.id())
                .query(Long.class).single();
    }

    static String decoded(String form) {
        return URLDecoder.decode(form, StandardCharsets.UTF_8);
    }
}
