package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.WindowedSync;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static cn.jiyun.integrations.douyin.DouyinFixtures.NOW;
import static cn.jiyun.integrations.douyin.DouyinFixtures.SHOP_ID;
import static cn.jiyun.integrations.douyin.DouyinFixtures.error;
import static cn.jiyun.integrations.douyin.DouyinFixtures.order;
import static cn.jiyun.integrations.douyin.DouyinFixtures.page;
import static cn.jiyun.integrations.douyin.DouyinFixtures.searchListParams;
import static cn.jiyun.integrations.douyin.DouyinFixtures.signedCall;
import static cn.jiyun.integrations.douyin.DouyinFixtures.success;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector against a WireMock Douyin that checks every signature, as the platform would. */
class DouyinConnectorTest {

    @RegisterExtension
    static WireMockExtension douyin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** A cursor 20 minutes back: one window, from 30 minutes back (10 minutes overlap) to now. */
    static final Instant RECENT_CURSOR = NOW.minus(Duration.ofMinutes(20));
    static final long RECENT_FROM = NOW.minus(Duration.ofMinutes(30)).getEpochSecond();
    static final long TO = NOW.getEpochSecond();

    final InMemoryIntake intake = new InMemoryIntake();
    final InMemoryShopAccounts shops = new InMemoryShopAccounts();

    DouyinConnector connector(ConnectorSettings settings) {
        return connector(settings, DouyinFixtures.properties(), shops);
    }

    DouyinConnector connector(ConnectorSettings settings, DouyinProperties properties, InMemoryShopAccounts shops) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DouyinSigner signer = new DouyinSigner(properties.appKey(), properties.appSecret(), properties.signMethod());
        DouyinClient client = new DouyinClient(settings, signer, shops, clock);
        return new DouyinConnector(settings.pageSize(), client, new DouyinOrderMapper(),
                new DouyinCarrierCodes(properties.carrierCodes()),
                new WindowedSync(Platform.DOUYIN, settings, null, shops, intake, clock));
    }

    DouyinConnector connector() {
        return connector(DouyinFixtures.settings(douyin.baseUrl()));
    }

    ShopAccount shopWithCursor(Instant cursor) {
        ShopAccount shop = DouyinFixtures.shop(cursor);
        shops.add(shop);
        return shop;
    }

    void stubRecentWindow(String... orders) {
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 2))
                .willReturn(okJson(page(0, 2, orders.length, orders))));
    }

    @Test
    void pagesThroughEveryWindowAndMovesTheCursorToTheEnd() {
        ShopAccount shop = shopWithCursor(NOW.minus(Duration.ofMinutes(90)));
        long w1 = 1_699_994_000L;
        long w2 = 1_699_997_600L;
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(w1, w2, 0, 2))
                .willReturn(okJson(page(0, 2, 3, order("6920000000000000001", 2, w1 + 10),
                        order("6920000000000000002", 2, w1 + 20)))));
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(w1, w2, 1, 2))
                .willReturn(okJson(page(1, 2, 3, order("6920000000000000003", 2, w1 + 30)))));
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(w2, TO, 0, 2))
                .willReturn(okJson(page(0, 2, 2, order("6920000000000000004", 3, w2 + 10),
                        order("6920000000000000005", 5, w2 + 20)))));

        SyncReport report = connector().synchronise(shop);

        assertThat(intake.orders()).hasSize(5);
        assertThat(intake.order(Platform.DOUYIN, SHOP_ID, "6920000000000000004").status())
                .isEqualTo(PlatformOrderStatus.SHIPPED);
        assertThat(report.fetched()).isEqualTo(5);
        assertThat(report.stored()).isEqualTo(5);
        assertThat(report.cursor()).isEqualTo(NOW);
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).syncCursor()).isEqualTo(NOW);
        douyin.verify(3, postRequestedFor(urlPathEqualTo("/order/searchList")));
        // each page handed to the intake at once
        assertThat(intake.pages()).containsExactly(2, 1, 2);
    }

    @Test
    void readsTheBackfillWindowWhenTheShopHasNeverBeenSynchronised() {
        ShopAccount shop = shopWithCursor(null);
        long threeDaysAgo = NOW.minus(Duration.ofDays(3)).getEpochSecond();
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(threeDaysAgo, TO, 0, 100))
                .willReturn(okJson(page(0, 100, 1, order("6920000000000000001", 2, threeDaysAgo + 5)))));

        connector(DouyinFixtures.settings(douyin.baseUrl(), Duration.ofDays(3), 100)).synchronise(shop);

        assertThat(intake.orders()).hasSize(1);
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void keepsTheCursorAtTheLastDeliveredWindowWhenALaterWindowFails() {
        ShopAccount shop = shopWithCursor(NOW.minus(Duration.ofMinutes(90)));
        long w1 = 1_699_994_000L;
        long w2 = 1_699_997_600L;
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(w1, w2, 0, 2))
                .willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, w1 + 10)))));
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(w2, TO, 0, 2))
                .willReturn(serverError()));

        assertThatThrownBy(() -> connector().synchronise(shop))
                .isInstanceOf(PlatformException.class)
                .matches(e -> ((PlatformException) e).retryable());

        assertThat(intake.orders()).hasSize(1);
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).syncCursor()).isEqualTo(Instant.ofEpochSecond(w2));
    }

    @Test
    void retriesAServerErrorThenStoresTheOrders() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("5xx")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("5xx")
                .whenScenarioStateIs("up").willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 60)))));

        connector().synchronise(shop);

        assertThat(intake.orders()).hasSize(1);
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void retriesATimeoutThenStoresTheOrders() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("slow")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson(page(0, 2, 0)).withFixedDelay(1_500)).willSetStateTo("fast"));
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("slow")
                .whenScenarioStateIs("fast").willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 60)))));

        connector().synchronise(shop);

        assertThat(intake.orders()).hasSize(1);
    }

    @Test
    void backsOffWhenThrottledThenStoresTheOrders() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("throttled")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson(error(60000, "isv.traffic-limited", "请求太频繁，请稍后重试"))).willSetStateTo("calm"));
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("throttled")
                .whenScenarioStateIs("calm").willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 60)))));

        connector().synchronise(shop);

        assertThat(intake.orders()).hasSize(1);
        douyin.verify(2, postRequestedFor(urlPathEqualTo("/order/searchList")));
    }

    @Test
    void retriesATruncatedBodyThenStoresTheOrders() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        String whole = page(0, 2, 1, order("6920000000000000001", 2, TO - 60));
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("cut")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson(whole.substring(0, whole.length() / 2))).willSetStateTo("whole"));
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("cut")
                .whenScenarioStateIs("whole").willReturn(okJson(whole)));

        connector().synchronise(shop);

        assertThat(intake.orders()).hasSize(1);
    }

    @Test
    void retriesAConnectionResetThenStoresTheOrders() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("reset")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        douyin.stubFor(signedCall("order.searchList", "at-old", params).inScenario("reset")
                .whenScenarioStateIs("ok").willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 60)))));

        connector().synchronise(shop);

        assertThat(intake.orders()).hasSize(1);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndLeavesTheCursor() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 2))
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> connector().synchronise(shop))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("gave up after 3 attempts");

        douyin.verify(3, postRequestedFor(urlPathEqualTo("/order/searchList")));
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).syncCursor()).isEqualTo(RECENT_CURSOR);
    }

    @Test
    void reportsOtherRefusalsWithDouyinsCode() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 2))
                .willReturn(okJson(error(40003, "isv.signature-invalid", "签名无效"))));

        assertThatThrownBy(() -> connector().synchronise(shop))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo("40003/isv.signature-invalid");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(shops.revocationReason(Platform.DOUYIN, SHOP_ID)).isEmpty();
    }

    @Test
    void refreshesAnExpiredTokenOncePersistsTheNewTokensAndRepeatsTheCall() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        douyin.stubFor(signedCall("order.searchList", "at-old", params)
                .willReturn(okJson(error(40003, "isv.access-token-expired", "access_token已过期"))));
        douyin.stubFor(signedCall("token.refresh", null, "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"rt-old\"}")
                .withQueryParam("access_token", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(success("{\"access_token\":\"at-new\",\"expires_in\":604800,"
                        + "\"refresh_token\":\"rt-new\",\"scope\":\"SCOPE\",\"shop_id\":12345678,"
                        + "\"shop_name\":\"示例旗舰店\"}"))));
        douyin.stubFor(signedCall("order.searchList", "at-new", params)
                .willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 60)))));

        connector().synchronise(shop);

        ShopAccount stored = shops.shop(Platform.DOUYIN, SHOP_ID);
        assertThat(stored.accessToken()).isEqualTo("at-new");
        assertThat(stored.refreshToken()).isEqualTo("rt-new");
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(604800));
        assertThat(intake.orders()).hasSize(1);
        douyin.verify(1, postRequestedFor(urlPathEqualTo("/token/refresh")));
        douyin.verify(1, postRequestedFor(urlPathEqualTo("/order/searchList"))
                .withQueryParam("access_token", equalTo("at-new")));
    }

    @Test
    void marksTheShopWhenTheRefreshTokenIsRefused() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 2))
                .willReturn(okJson(error(40003, "isv.access-token-expired", "access_token已过期"))));
        douyin.stubFor(signedCall("token.refresh", null, "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"rt-old\"}")
                .willReturn(okJson(error(50001, "dop.token-generate-failed:token-expired", "refresh_token已过期"))));

        assertThatThrownBy(() -> connector().synchronise(shop)).isInstanceOf(AuthorisationRevokedException.class);

        assertThat(shops.revocationReason(Platform.DOUYIN, SHOP_ID)).isPresent();
        assertThat(intake.orders()).isEmpty();
    }

    @Test
    void marksTheShopWhenTheSellerWithdrewTheAuthorisation() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 2))
                .willReturn(okJson(error(30001, "dop.authorization-no-existed", "店铺授权已失效"))));

        assertThatThrownBy(() -> connector().synchronise(shop))
                .isInstanceOfSatisfying(AuthorisationRevokedException.class, e -> {
                    assertThat(e.shopId()).isEqualTo(SHOP_ID);
                    assertThat(e.platformCode()).isEqualTo("30001/dop.authorization-no-existed");
                });

        assertThat(shops.revocationReason(Platform.DOUYIN, SHOP_ID)).hasValueSatisfying(
                reason -> assertThat(reason).contains("店铺授权已失效"));
        assertThat(shops.activeShops(Platform.DOUYIN)).isEmpty();
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).syncCursor()).isEqualTo(RECENT_CURSOR);
    }

    @Test
    void deadLettersAMalformedOrderAndStoresTheRestOfTheBatch() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String unknownStatus = order("6920000000000000002", 99, TO - 50);
        String badTime = order("6920000000000000003", 2, TO - 40).replace("\"create_time\":1699990000", "\"create_time\":\"yesterday\"");
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 100))
                .willReturn(okJson(page(0, 100, 4, order("6920000000000000001", 2, TO - 60), unknownStatus, badTime,
                        order("6920000000000000004", 2, TO - 30)))));

        SyncReport report = connector(DouyinFixtures.settings(douyin.baseUrl(), Duration.ofHours(1), 100))
                .synchronise(shop);

        assertThat(intake.orders().keySet()).extracting(InMemoryIntake.Key::platformOrderId)
                .containsExactlyInAnyOrder("6920000000000000001", "6920000000000000004");
        assertThat(intake.deadLetters()).hasSize(2);
        DeadLetter first = intake.deadLetters().get(0);
        assertThat(first.reason()).contains("6920000000000000002").contains("order_status 99");
        assertThat(first.rawMessage()).contains("\"order_id\":\"6920000000000000002\"");
        assertThat(first.shopId()).isEqualTo(SHOP_ID);
        assertThat(first.source()).isEqualTo("poll");
        assertThat(intake.deadLetters().get(1).reason()).contains("6920000000000000003");
        assertThat(report.deadLettered()).isEqualTo(2);
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void asksForTheOrderDetailWhenTheListLacksTheLines() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String full = order("6920000000000000001", 2, TO - 60);
        String withoutLines = full.substring(0, full.indexOf(",\"sku_order_list\"")) + "}";
        stubRecentWindow(withoutLines);
        douyin.stubFor(signedCall("order.orderDetail", "at-old", "{\"shop_order_id\":\"6920000000000000001\"}")
                .willReturn(okJson(success("{\"shop_order_detail\":" + full + "}"))));

        connector().synchronise(shop);

        CanonicalOrder stored = intake.order(Platform.DOUYIN, SHOP_ID, "6920000000000000001");
        assertThat(stored.lines()).singleElement().satisfies(line -> {
            assertThat(line.platformSku()).isEqualTo("1768123456789012");
            assertThat(line.quantity()).isEqualTo(1);
        });
    }

    @Test
    void storesADuplicatedAndReorderedOrderOnceWithItsLatestStatus() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String shipped = order("6920000000000000001", 3, TO - 60);
        stubRecentWindow(shipped, shipped);
        DouyinConnector connector = connector();
        connector.synchronise(shop);
        // The next sync (cursor now at NOW) sees an older, still-paid version arrive late.
        douyin.stubFor(signedCall("order.searchList", "at-old",
                searchListParams(NOW.minus(Duration.ofMinutes(10)).getEpochSecond(), TO, 0, 2))
                .willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 120)))));

        connector.synchronise(shops.shop(Platform.DOUYIN, SHOP_ID));

        assertThat(intake.deliveries()).isEqualTo(3);
        assertThat(intake.orders()).hasSize(1);
        CanonicalOrder stored = intake.order(Platform.DOUYIN, SHOP_ID, "6920000000000000001");
        assertThat(stored.status()).isEqualTo(PlatformOrderStatus.SHIPPED);
        assertThat(stored.updatedAt()).isEqualTo(Instant.ofEpochSecond(TO - 60));
    }

    @Test
    void shipsTheWaybillWithExactlyTheBodyDouyinSpecifies() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String body = "{\"company_code\":\"zhongtong\",\"logistics_code\":\"78312345678901\",\"order_id\":\"6921234567890123456\"}";
        douyin.stubFor(signedCall("order.logisticsAdd", "at-old", body).willReturn(okJson(success("{}"))));

        connector().writeBack(shop, new ShipmentNotice(SHOP_ID, "6921234567890123456", Carrier.ZTO,
                "78312345678901", "wb-1"));

        douyin.verify(1, postRequestedFor(urlPathEqualTo("/order/logisticsAdd"))
                .withRequestBody(equalTo(body)));
    }

    @Test
    void repeatingAWriteBackThatDouyinAlreadyHasIsSuccess() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String body = "{\"company_code\":\"jtexpress\",\"logistics_code\":\"JT0001\",\"order_id\":\"6921234567890123456\"}";
        douyin.stubFor(signedCall("order.logisticsAdd", "at-old", body).inScenario("ship")
                .whenScenarioStateIs(STARTED).willReturn(okJson(success("{}"))).willSetStateTo("shipped"));
        // The README does not say how Douyin refuses a second logisticsAdd; any refusal is checked against the order.
        douyin.stubFor(signedCall("order.logisticsAdd", "at-old", body).inScenario("ship")
                .whenScenarioStateIs("shipped").willReturn(okJson(error(90000, "isv.business-failed", "订单已发货"))));
        douyin.stubFor(signedCall("order.orderDetail", "at-old", "{\"shop_order_id\":\"6921234567890123456\"}")
                .willReturn(okJson(success("{\"shop_order_detail\":" + order("6921234567890123456", 3, TO - 5)
                        .replace("\"logistics_info\":[]", "\"logistics_info\":[{\"tracking_no\":\"JT0001\","
                                + "\"company\":\"jtexpress\",\"company_name\":\"极兔速递\",\"ship_time\":1699999990}]") + "}"))));
        ShipmentNotice notice = new ShipmentNotice(SHOP_ID, "6921234567890123456", Carrier.JT, "JT0001", "wb-2");
        DouyinConnector connector = connector();

        connector.writeBack(shop, notice);
        connector.writeBack(shop, notice);

        douyin.verify(2, postRequestedFor(urlPathEqualTo("/order/logisticsAdd")));
    }

    @Test
    void refusesToOverwriteAnotherWaybill() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String body = "{\"company_code\":\"yuantong\",\"logistics_code\":\"YT0002\",\"order_id\":\"6921234567890123456\"}";
        douyin.stubFor(signedCall("order.logisticsAdd", "at-old", body)
                .willReturn(okJson(error(90000, "isv.business-failed", "订单已发货"))));
        douyin.stubFor(signedCall("order.orderDetail", "at-old", "{\"shop_order_id\":\"6921234567890123456\"}")
                .willReturn(okJson(success("{\"shop_order_detail\":" + order("6921234567890123456", 3, TO - 5)
                        .replace("\"logistics_info\":[]", "\"logistics_info\":[{\"tracking_no\":\"OTHER1\","
                                + "\"company\":\"zhongtong\"}]") + "}"))));

        assertThatThrownBy(() -> connector().writeBack(shop,
                new ShipmentNotice(SHOP_ID, "6921234567890123456", Carrier.YTO, "YT0002", "wb-3")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("another waybill");
    }

    @Test
    void neverUsesRefreshedTokensThatCouldNotBeStored() {
        InMemoryShopAccounts failingStore = new InMemoryShopAccounts() {
            @Override
            public void tokensRefreshed(Platform platform, String shopId, cn.jiyun.integrations.TokenGrant grant) {
                throw new IllegalStateException("database is down");
            }
        };
        ShopAccount shop = DouyinFixtures.shop(RECENT_CURSOR);
        failingStore.add(shop);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        douyin.stubFor(signedCall("order.searchList", "at-old", params)
                .willReturn(okJson(error(40003, "isv.access-token-expired", "access_token已过期"))));
        douyin.stubFor(signedCall("token.refresh", null, "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"rt-old\"}")
                .willReturn(okJson(success("{\"access_token\":\"at-new\",\"expires_in\":604800,\"refresh_token\":\"rt-new\"}"))));

        assertThatThrownBy(() -> connector(DouyinFixtures.settings(douyin.baseUrl()), DouyinFixtures.properties(), failingStore).synchronise(shop))
                .hasMessageContaining("database is down");

        douyin.verify(0, postRequestedFor(urlPathEqualTo("/order/searchList")).withQueryParam("access_token", equalTo("at-new")));
    }

    @Test
    void refreshesATokenAboutToExpireBeforeTheCall() {
        ShopAccount shop = new ShopAccount(Platform.DOUYIN, SHOP_ID, "at-old", "rt-old", NOW.plusSeconds(60), RECENT_CURSOR);
        shops.add(shop);
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        douyin.stubFor(signedCall("token.refresh", null, "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"rt-old\"}")
                .willReturn(okJson(success("{\"access_token\":\"at-new\",\"expires_in\":604800,\"refresh_token\":\"rt-new\"}"))));
        douyin.stubFor(signedCall("order.searchList", "at-new", params)
                .willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 60)))));

        connector().synchronise(shop);

        assertThat(intake.orders()).hasSize(1);
        assertThat(shops.shop(Platform.DOUYIN, SHOP_ID).refreshToken()).isEqualTo("rt-new");
        douyin.verify(0, postRequestedFor(urlPathEqualTo("/order/searchList")).withQueryParam("access_token", equalTo("at-old")));
    }

    @Test
    void rereadsAWindowWhenAnOrderLeavesItWhilePaging() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        String a = order("6920000000000000001", 2, TO - 300);
        String b = order("6920000000000000002", 2, TO - 200);
        String c = order("6920000000000000003", 2, TO - 100);
        // Between page 0 and page 1, order A is updated again and leaves the window: C moves up to
        // page 0, which was already read, and page 1 comes back empty.
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 2))
                .inScenario("shift").whenScenarioStateIs(STARTED)
                .willReturn(okJson(page(0, 2, 3, a, b))).willSetStateTo("A left"));
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 1, 2))
                .inScenario("shift").whenScenarioStateIs("A left")
                .willReturn(okJson(page(1, 2, 2))));
        douyin.stubFor(signedCall("order.searchList", "at-old", searchListParams(RECENT_FROM, TO, 0, 2))
                .inScenario("shift").whenScenarioStateIs("A left")
                .willReturn(okJson(page(0, 2, 2, b, c))));

        connector().synchronise(shop);

        assertThat(intake.orders().keySet()).extracting(InMemoryIntake.Key::platformOrderId)
                .containsExactlyInAnyOrder("6920000000000000001", "6920000000000000002", "6920000000000000003");
    }

    @Test
    void signsWithMd5AndSendsNoSignMethodWhenConfigured() {
        ShopAccount shop = shopWithCursor(RECENT_CURSOR);
        DouyinProperties md5 = new DouyinProperties(DouyinFixtures.APP_KEY, DouyinFixtures.APP_SECRET,
                DouyinSignMethod.MD5, java.util.Map.of());
        String params = searchListParams(RECENT_FROM, TO, 0, 2);
        String md5Sign = new DouyinSigner(DouyinFixtures.APP_KEY, DouyinFixtures.APP_SECRET, DouyinSignMethod.MD5)
                .sign("order.searchList", DouyinFixtures.NOW_SECONDS, params);
        douyin.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/order/searchList"))
                .withQueryParam("sign", equalTo(md5Sign))
                .withQueryParam("sign_method", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .withRequestBody(equalTo(params))
                .willReturn(okJson(page(0, 2, 1, order("6920000000000000001", 2, TO - 60)))));

        connector(DouyinFixtures.settings(douyin.baseUrl()), md5, shops).synchronise(shop);

        assertThat(md5Sign).hasSize(32);
        assertThat(intake.orders()).hasSize(1);
    }
}
