package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.TokenGrant;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.WindowedSync;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.jiyun.integrations.wechat.WechatFixtures.APP_ID;
import static cn.jiyun.integrations.wechat.WechatFixtures.APP_SECRET;
import static cn.jiyun.integrations.wechat.WechatFixtures.NOW;
import static cn.jiyun.integrations.wechat.WechatFixtures.SHOP_ID;
import static cn.jiyun.integrations.wechat.WechatFixtures.listAnswer;
import static cn.jiyun.integrations.wechat.WechatFixtures.listRequest;
import static cn.jiyun.integrations.wechat.WechatFixtures.orderAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector against WireMock speaking WeChat's wire format. */
class WechatConnectorTest {

    @RegisterExtension
    static WireMockExtension wechat = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "APP-TOKEN-1";
    private static final String ORDER_A = "3705115058471208928";
    private static final String ORDER_B = "3705115058471208931";
    private static final String ORDER_C = "3705115058471208955";

    private final InMemoryIntake intake = new InMemoryIntake();
    private final InMemoryShopAccounts shops = new InMemoryShopAccounts();

    private WechatConnector connector(ConnectorSettings settings) {
        return connector(settings, shops);
    }

    private WechatConnector connector(ConnectorSettings settings, InMemoryShopAccounts shops) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        WechatApiClient client = new WechatApiClient(settings, WechatFixtures.properties(), shops, clock);
        return new WechatConnector(client, new WechatOrderMapper(client.json()), new WechatCarrierCodes(Map.of()),
                settings, 4, new WindowedSync(Platform.WECHAT, settings, null, shops, intake, clock));
    }

    private WechatConnector connector() {
        return connector(WechatFixtures.settings(wechat.baseUrl()));
    }

    private ShopAccount registered(ShopAccount shop) {
        shops.add(shop);
        return shop;
    }

    private static MappingBuilder list(String token) {
        return post(urlPathEqualTo(WechatApiClient.ORDER_LIST)).withQueryParam("access_token", equalTo(token));
    }

    private static MappingBuilder orderGet(String token, String orderId) {
        return post(urlPathEqualTo(WechatApiClient.ORDER_GET)).withQueryParam("access_token", equalTo(token))
                .withRequestBody(equalToJson("{\"order_id\":\"" + orderId + "\"}"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private void stubOrder(String orderId, int status, long updateTime) {
        wechat.stubFor(orderGet(TOKEN, orderId).willReturn(json(orderAnswer(orderId, status, updateTime))));
    }

    @Test
    void pagesThroughSeveralPagesAndWindows() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, null));
        Instant start = NOW.minus(Duration.ofDays(10));
        Instant firstWindowEnd = start.plus(Duration.ofDays(7));
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson(listRequest(start, firstWindowEnd, "")))
                .willReturn(json(listAnswer("CAEQABoI-page2", true, ORDER_A, ORDER_B))));
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson(listRequest(start, firstWindowEnd, "CAEQABoI-page2")))
                .willReturn(json(listAnswer("CAEQABoI-end", false, ORDER_C))));
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson(listRequest(firstWindowEnd, NOW, "")))
                .willReturn(json(listAnswer("", false, "3705115058471208999"))));
        stubOrder(ORDER_A, 20, 1699997060L);
        stubOrder(ORDER_B, 30, 1699997070L);
        stubOrder(ORDER_C, 100, 1699997080L);
        stubOrder("3705115058471208999", 10, 1699997090L);

        SyncReport report = connector(WechatFixtures.settings(wechat.baseUrl(), Duration.ofDays(10)))
                .synchronise(shop);

        assertThat(report).isEqualTo(new SyncReport(4, 4, 0, NOW));
        assertThat(intake.orders()).hasSize(4);
        // a window's orders go to the intake a page at a time, in the order the list gave them
        assertThat(intake.pages()).containsExactly(3, 1);
        assertThat(intake.order(Platform.WECHAT, SHOP_ID, ORDER_B).status()).isEqualTo(PlatformOrderStatus.SHIPPED);
        assertThat(intake.order(Platform.WECHAT, SHOP_ID, "3705115058471208999").status())
                .isEqualTo(PlatformOrderStatus.AWAITING_PAYMENT);
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void readsFromTheCursorLessTheOverlap() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, NOW.minus(Duration.ofHours(1))));
        wechat.stubFor(list(TOKEN)
                .withRequestBody(equalToJson(listRequest(NOW.minus(Duration.ofMinutes(70)), NOW, "")))
                .willReturn(json(listAnswer("", false, ORDER_A))));
        stubOrder(ORDER_A, 20, 1699997060L);

        SyncReport report = connector().synchronise(shop);

        assertThat(report.fetched()).isEqualTo(1);
        assertThat(intake.order(Platform.WECHAT, SHOP_ID, ORDER_A)).isNotNull();
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void advancesTheCursorOnlyPastWindowsWhollyStored() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, null));
        Instant start = NOW.minus(Duration.ofDays(10));
        Instant firstWindowEnd = start.plus(Duration.ofDays(7));
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson(listRequest(start, firstWindowEnd, "")))
                .willReturn(json(listAnswer("", false, ORDER_A))));
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson(listRequest(firstWindowEnd, NOW, "")))
                .willReturn(json(listAnswer("", false, ORDER_B, ORDER_C))));
        stubOrder(ORDER_A, 20, 1699997060L);
        stubOrder(ORDER_B, 20, 1699997070L);
        wechat.stubFor(orderGet(TOKEN, ORDER_C).willReturn(aResponse().withStatus(502)));
        WechatConnector connector = connector(WechatFixtures.settings(wechat.baseUrl(), Duration.ofDays(10)));

        assertThatThrownBy(() -> connector.synchronise(shop))
                .isInstanceOf(PlatformException.class)
                .satisfies(e -> assertThat(((PlatformException) e).retryable()).isTrue());
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).syncCursor()).isEqualTo(firstWindowEnd);

        // The next sync starts inside the unfinished window again and picks up what it missed.
        stubOrder(ORDER_C, 20, 1699997080L);
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson(
                        listRequest(firstWindowEnd.minus(Duration.ofMinutes(10)), NOW, "")))
                .willReturn(json(listAnswer("", false, ORDER_B, ORDER_C))));
        SyncReport second = connector.synchronise(shops.shop(Platform.WECHAT, SHOP_ID));

        assertThat(second.cursor()).isEqualTo(NOW);
        assertThat(intake.orders()).hasSize(3);
    }

    @Test
    void refreshesARefusedTokenOnceStoresItFirstAndRepeatsTheCall() {
        List<Integer> callsWithNewTokenWhenStored = new ArrayList<>();
        InMemoryShopAccounts recordingShops = new InMemoryShopAccounts() {
            @Override
            public void tokensRefreshed(Platform platform, String shopId, TokenGrant grant) {
                callsWithNewTokenWhenStored.add(wechat.findAll(postRequestedFor(urlPathEqualTo(
                        WechatApiClient.ORDER_LIST)).withQueryParam("access_token", equalTo("APP-TOKEN-2"))).size());
                super.tokensRefreshed(platform, shopId, grant);
            }
        };
        ShopAccount shop = WechatFixtures.shop("APP-TOKEN-OLD", NOW.minus(Duration.ofHours(1)));
        recordingShops.add(shop);
        wechat.stubFor(list("APP-TOKEN-OLD").willReturn(json("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.STABLE_TOKEN))
                .withRequestBody(equalToJson("""
                        {"grant_type":"client_credential","appid":"%s","secret":"%s","force_refresh":false}"""
                        .formatted(APP_ID, APP_SECRET)))
                .willReturn(okJson("{\"access_token\":\"APP-TOKEN-2\",\"expires_in\":7200}")));
        wechat.stubFor(list("APP-TOKEN-2").willReturn(json(listAnswer("", false, ORDER_A))));
        wechat.stubFor(orderGet("APP-TOKEN-2", ORDER_A).willReturn(json(orderAnswer(ORDER_A, 20, 1699997060L))));
        WechatConnector connector = connector(WechatFixtures.settings(wechat.baseUrl()), recordingShops);

        connector.synchronise(shop);

        ShopAccount stored = recordingShops.shop(Platform.WECHAT, SHOP_ID);
        assertThat(stored.accessToken()).isEqualTo("APP-TOKEN-2");
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(callsWithNewTokenWhenStored).containsExactly(0);
        assertThat(intake.order(Platform.WECHAT, SHOP_ID, ORDER_A)).isNotNull();
        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatApiClient.STABLE_TOKEN)));
        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatApiClient.ORDER_LIST))
                .withQueryParam("access_token", equalTo("APP-TOKEN-OLD")));
    }

    @Test
    void forcesARefreshWhenNormalModeReturnsTheRefusedToken() {
        ShopAccount shop = registered(WechatFixtures.shop("", NOW.minus(Duration.ofHours(1))));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.STABLE_TOKEN))
                .withRequestBody(equalToJson("{\"force_refresh\":false}", true, true))
                .willReturn(okJson("{\"access_token\":\"STALE\",\"expires_in\":7200}")));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.STABLE_TOKEN))
                .withRequestBody(equalToJson("{\"force_refresh\":true}", true, true))
                .willReturn(okJson("{\"access_token\":\"FORCED\",\"expires_in\":7200}")));
        wechat.stubFor(list("STALE").willReturn(json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")));
        wechat.stubFor(list("FORCED").willReturn(json(listAnswer("", false))));

        connector().synchronise(shop);

        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).accessToken()).isEqualTo("FORCED");
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void usesTheAppTokenForAShopWithoutTokensAndKeepsIt() {
        ShopAccount shop = registered(WechatFixtures.shop("", NOW.minus(Duration.ofHours(1))));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.STABLE_TOKEN))
                .willReturn(okJson("{\"access_token\":\"APP-TOKEN-9\",\"expires_in\":7200}")));
        wechat.stubFor(list("APP-TOKEN-9").willReturn(json(listAnswer("", false, ORDER_A, ORDER_B))));
        wechat.stubFor(orderGet("APP-TOKEN-9", ORDER_A).willReturn(json(orderAnswer(ORDER_A, 20, 1699997060L))));
        wechat.stubFor(orderGet("APP-TOKEN-9", ORDER_B).willReturn(json(orderAnswer(ORDER_B, 20, 1699997060L))));
        WechatConnector connector = connector();

        connector.synchronise(shop);
        connector.synchronise(shop);

        assertThat(intake.orders()).hasSize(2);
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).accessToken()).isEqualTo("APP-TOKEN-9");
        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatApiClient.STABLE_TOKEN)));
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        assertFaultIsRetried(aResponse().withStatus(503).withBody("<html>busy</html>"));
    }

    @Test
    void retriesTimeoutsThenSucceeds() {
        assertFaultIsRetried(json(listAnswer("", false)).withFixedDelay(2_000));
    }

    @Test
    void retriesPerMinuteQuotaThenSucceeds() {
        assertFaultIsRetried(json("{\"errcode\":45011,\"errmsg\":\"api minute-quota reach limit\"}"));
    }

    @Test
    void retriesHttpThrottlingThenSucceeds() {
        assertFaultIsRetried(aResponse().withStatus(429));
    }

    @Test
    void retriesSystemBusyThenSucceeds() {
        assertFaultIsRetried(json("{\"errcode\":-1,\"errmsg\":\"system error\"}"));
    }

    @Test
    void retriesTruncatedBodiesThenSucceeds() {
        assertFaultIsRetried(json("{\"errcode\":0,\"errmsg\":\"ok\",\"order_id_list\":[\"370511505847"));
    }

    private void assertFaultIsRetried(ResponseDefinitionBuilder fault) {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, NOW.minus(Duration.ofHours(1))));
        wechat.stubFor(list(TOKEN).inScenario("fault").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault).willSetStateTo("recovered"));
        wechat.stubFor(list(TOKEN).inScenario("fault").whenScenarioStateIs("recovered")
                .willReturn(json(listAnswer("", false, ORDER_A))));
        stubOrder(ORDER_A, 20, 1699997060L);

        SyncReport report = connector().synchronise(shop);

        assertThat(report.stored()).isEqualTo(1);
        assertThat(intake.order(Platform.WECHAT, SHOP_ID, ORDER_A)).isNotNull();
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).syncCursor()).isEqualTo(NOW);
        wechat.verify(2, postRequestedFor(urlPathEqualTo(WechatApiClient.ORDER_LIST)));
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndKeepsTheCursor() {
        Instant cursor = NOW.minus(Duration.ofHours(1));
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, cursor));
        wechat.stubFor(list(TOKEN).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> connector().synchronise(shop))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.platformCode()).isEqualTo("http-500");
                });
        wechat.verify(3, postRequestedFor(urlPathEqualTo(WechatApiClient.ORDER_LIST)));
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).syncCursor()).isEqualTo(cursor);
    }

    @Test
    void marksTheShopRevokedWhenWechatWithdrawsTheAuthorisation() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, NOW.minus(Duration.ofHours(1))));
        wechat.stubFor(list(TOKEN).willReturn(json("{\"errcode\":48001,\"errmsg\":\"api unauthorized\"}")));

        assertThatThrownBy(() -> connector().synchronise(shop))
                .isInstanceOfSatisfying(AuthorisationRevokedException.class, e -> {
                    assertThat(e.shopId()).isEqualTo(SHOP_ID);
                    assertThat(e.platformCode()).isEqualTo("48001");
                });
        assertThat(shops.revocationReason(Platform.WECHAT, SHOP_ID)).hasValueSatisfying(reason ->
                assertThat(reason).contains("48001"));
        assertThat(shops.activeShops(Platform.WECHAT)).isEmpty();
        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatApiClient.ORDER_LIST)));
    }

    @Test
    void reportsOtherPlatformErrorsWithWechatsCode() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, NOW.minus(Duration.ofHours(1))));
        wechat.stubFor(list(TOKEN).willReturn(json("{\"errcode\":61004,\"errmsg\":\"access clientip is not registered\"}")));

        assertThatThrownBy(() -> connector().synchronise(shop))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e).isNotInstanceOf(AuthorisationRevokedException.class);
                    assertThat(e.platformCode()).isEqualTo("61004");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(shops.revocationReason(Platform.WECHAT, SHOP_ID)).isEmpty();
    }

    @Test
    void deadLettersAMalformedOrderAndStoresTheRestOfTheBatch() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, NOW.minus(Duration.ofHours(1))));
        wechat.stubFor(list(TOKEN).willReturn(json(listAnswer("", false, ORDER_A, ORDER_B, ORDER_C))));
        stubOrder(ORDER_A, 20, 1699997060L);
        String malformed = orderAnswer(ORDER_B, 20, 1699997060L).replace("\"sku_id\":\"2000001234567\",", "");
        wechat.stubFor(orderGet(TOKEN, ORDER_B).willReturn(json(malformed)));
        stubOrder(ORDER_C, 20, 1699997060L);

        SyncReport report = connector().synchronise(shop);

        assertThat(report).isEqualTo(new SyncReport(3, 2, 1, NOW));
        assertThat(intake.orders().keySet()).extracting(InMemoryIntake.Key::platformOrderId)
                .containsExactlyInAnyOrder(ORDER_A, ORDER_C);
        assertThat(intake.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.platform()).isEqualTo(Platform.WECHAT);
            assertThat(letter.shopId()).isEqualTo(SHOP_ID);
            assertThat(letter.source()).isEqualTo("poll");
            assertThat(letter.reason()).contains(ORDER_B).contains("no sku_id");
            assertThat(letter.rawMessage()).startsWith("{\"order_id\":\"" + ORDER_B + "\"");
        });
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void storesDuplicateAndOutOfOrderDeliveriesOnceWithTheLatestStatus() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, NOW.minus(Duration.ofHours(1))));
        // The same id on two pages, then a later sync where WeChat still serves an older copy.
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson("{\"next_key\":\"\"}", true, true))
                .willReturn(json(listAnswer("K2", true, ORDER_A))));
        wechat.stubFor(list(TOKEN).withRequestBody(equalToJson("{\"next_key\":\"K2\"}", true, true))
                .willReturn(json(listAnswer("K3", false, ORDER_A))));
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("versions").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(orderAnswer(ORDER_A, 30, 1699998000L))).willSetStateTo("older copy"));
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("versions").whenScenarioStateIs("older copy")
                .willReturn(json(orderAnswer(ORDER_A, 20, 1699997060L))));
        WechatConnector connector = connector();

        connector.synchronise(shop);
        connector.synchronise(shops.shop(Platform.WECHAT, SHOP_ID));

        assertThat(intake.orders()).hasSize(1);
        assertThat(intake.order(Platform.WECHAT, SHOP_ID, ORDER_A).status()).isEqualTo(PlatformOrderStatus.SHIPPED);
        assertThat(intake.order(Platform.WECHAT, SHOP_ID, ORDER_A).updatedAt())
                .isEqualTo(Instant.ofEpochSecond(1699998000L));
        assertThat(intake.deliveries()).isEqualTo(2);
    }

    private static final String DELIVERY_SEND_BODY = """
            {"order_id":"%s","delivery_list":[{"delivery_id":"ZTO","waybill_id":"78312345678901","deliver_type":1,
             "product_infos":[{"product_id":"10000012345678","sku_id":"2000001234567","product_cnt":2}]}]}"""
            .formatted(ORDER_A);

    private static String shippedAnswer(String waybill) {
        return orderAnswer(ORDER_A, 30, 1699998000L).replace("\"delivery_product_info\":[]",
                "\"delivery_product_info\":[{\"waybill_id\":\"" + waybill + "\",\"delivery_id\":\"ZTO\"}]");
    }

    private static MappingBuilder deliverySend() {
        return post(urlPathEqualTo(WechatApiClient.DELIVERY_SEND)).withQueryParam("access_token", equalTo(TOKEN));
    }

    private static ShipmentNotice notice() {
        return new ShipmentNotice(SHOP_ID, ORDER_A, Carrier.ZTO, "78312345678901", "wb-req-1");
    }

    @Test
    void writesTheWaybillBackExactlyAsWechatSpecifiesAndRepeatsHarmlessly() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, null));
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("ship").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(orderAnswer(ORDER_A, 20, 1699997060L))));
        wechat.stubFor(deliverySend().withRequestBody(equalToJson(DELIVERY_SEND_BODY)).inScenario("ship")
                .willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\"}")).willSetStateTo("shipped"));
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("ship").whenScenarioStateIs("shipped")
                .willReturn(json(shippedAnswer("78312345678901"))));
        WechatConnector connector = connector();

        connector.writeBack(shop, notice());
        connector.writeBack(shop, notice());

        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatApiClient.DELIVERY_SEND))
                .withRequestBody(equalToJson(DELIVERY_SEND_BODY)));
    }

    @Test
    void treatsAlreadyShippedWithThisWaybillAsSuccess() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, null));
        // The first answer was lost: order/get still shows it unshipped, delivery/send says it is shipped.
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(orderAnswer(ORDER_A, 20, 1699997060L))));
        wechat.stubFor(deliverySend().inScenario("lost")
                .willReturn(json("{\"errcode\":109001,\"errmsg\":\"order already delivered\"}"))
                .willSetStateTo("visible"));
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("lost").whenScenarioStateIs("visible")
                .willReturn(json(shippedAnswer("78312345678901"))));

        connector().writeBack(shop, notice());

        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatApiClient.DELIVERY_SEND)));
    }

    @Test
    void refusesAlreadyShippedWithAnotherWaybill() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, null));
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("other").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(orderAnswer(ORDER_A, 20, 1699997060L))));
        wechat.stubFor(deliverySend().inScenario("other")
                .willReturn(json("{\"errcode\":109001,\"errmsg\":\"order already delivered\"}"))
                .willSetStateTo("visible"));
        wechat.stubFor(orderGet(TOKEN, ORDER_A).inScenario("other").whenScenarioStateIs("visible")
                .willReturn(json(shippedAnswer("SF0000000000"))));

        assertThatThrownBy(() -> connector().writeBack(shop, notice()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo("109001");
                    assertThat(e.getMessage()).contains("not with waybill 78312345678901");
                });
    }

    @Test
    void reportsAShipRefusalWithWechatsCode() {
        ShopAccount shop = registered(WechatFixtures.shop(TOKEN, null));
        stubOrder(ORDER_A, 250, 1699997060L);
        wechat.stubFor(deliverySend()
                .willReturn(json("{\"errcode\":101100,\"errmsg\":\"order status not allow delivery\"}")));

        assertThatThrownBy(() -> connector().writeBack(shop, notice()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo("101100");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(intake.deadLetters()).isEmpty();
    }

    @Test
    void usesConfiguredCarrierCodes() {
        WechatCarrierCodes codes = new WechatCarrierCodes(java.util.Map.of(Carrier.JT, "JTSD2"));

        assertThat(codes.deliveryId(Carrier.JT)).isEqualTo("JTSD2");
        assertThat(codes.deliveryId(Carrier.YUNDA)).isEqualTo("YD");
        for (Carrier carrier : Carrier.values()) {
            assertThat(codes.deliveryId(carrier)).isNotBlank();
        }
    }

    @Test
    void neverShowsSecretsInToString() {
        WechatProperties properties = WechatFixtures.properties();
        assertThat(properties.toString()).doesNotContain(APP_SECRET).doesNotContain(WechatFixtures.AES_KEY)
                .doesNotContain("token=" + WechatFixtures.TOKEN);
        assertThat(WechatApiMessages.StableTokenRequest.clientCredential(APP_ID, APP_SECRET, false).toString())
                .doesNotContain(APP_SECRET);
        assertThat(new WechatApiMessages.StableTokenResponse("SECRET-TOKEN", 7200L).toString())
                .doesNotContain("SECRET-TOKEN");
    }
}
