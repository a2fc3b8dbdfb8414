package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.AuthorisationRevokedException;
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
import cn.jiyun.integrations.kuaishou.KuaishouSigner.SignMethod;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.APP_KEY;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.APP_SECRET;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.JSON;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.order;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.page;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.signedAsKuaishouRequires;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KuaishouConnectorTest {

    @RegisterExtension
    static WireMockExtension platform = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);
    private static final String SHOP = "2161524184";
    private static final String TOKEN = "ChFvYXV0aC5hY2Nlc3NUb2tlbg";
    private static final String LIST = "/open/order/cursor/list";
    private static final String DELIVER = "/open/seller/order/goods/deliver";
    private static final String REFRESH = "/oauth2/refresh_token";
    private static final String EMPTY_PAGE = page("nomore");

    private final InMemoryIntake intake = new InMemoryIntake();
    private final InMemoryShopAccounts shops = new InMemoryShopAccounts();

    private KuaishouConnector connector(SignMethod signMethod, Duration overlap) {
        ConnectorSettings settings = KuaishouFixtures.settings(platform.baseUrl(), overlap, Duration.ofDays(1), 50);
        KuaishouProperties properties = KuaishouFixtures.properties(signMethod);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        KuaishouClient client = new KuaishouClient(settings, properties, new KuaishouSigner(properties.signSecret()),
                shops, JSON, clock);
        return new KuaishouConnector(settings, client, new KuaishouOrderMapper(JSON), JSON, new WindowedSync(
                Platform.KUAISHOU, settings, KuaishouConnector.OLDEST_KUAISHOU_SERVES, shops, intake, clock));
    }

    private KuaishouConnector connector() {
        return connector(SignMethod.HMAC_SHA256, Duration.ZERO);
    }

    private ShopAccount shop(Instant cursor) {
        ShopAccount shop = new ShopAccount(Platform.KUAISHOU, SHOP, TOKEN, "refresh-1", NOW.plus(Duration.ofDays(1)), cursor);
        shops.add(shop);
        return shop;
    }

    /** A signed read of the order list, as the gateway accepts it. */
    private static MappingBuilder listCall() {
        return get(urlPathEqualTo(LIST))
                .withQueryParam("appkey", equalTo(APP_KEY))
                .withQueryParam("method", equalTo("open.order.cursor.list"))
                .withQueryParam("version", equalTo("1"))
                .andMatching(signedAsKuaishouRequires());
    }

    private static MappingBuilder listCall(Instant begin, String cursor) {
        return listCall().withQueryParam("param", and(
                matchingJsonPath("$.beginTime", equalTo(Long.toString(begin.toEpochMilli()))),
                matchingJsonPath("$.cursor", equalTo(cursor))));
    }

    @ParameterizedTest
    @CsvSource({"MD5, bb97af605d798b79e89c6046259b9052", "HMAC_SHA256, PzpHrcQArxEE9fS6IlWsstiuGpRLFlANVW2ANXNfMFw="})
    void sendsTheListRequestTheDocumentedVectorSigns(SignMethod signMethod, String documentedSign) {
        platform.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("param", equalTo("{\"orderViewStatus\":1,\"pageSize\":50,\"sort\":1,\"queryType\":2,"
                        + "\"beginTime\":1699996400000,\"endTime\":1700000000000,\"cpsType\":0,\"cursor\":\"\"}"))
                .withQueryParam("timestamp", equalTo("1700000000000"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .withQueryParam("signMethod", equalTo(signMethod.name()))
                .withQueryParam("sign", equalTo(documentedSign))
                .willReturn(okJson(page("nomore", order("2607602240240301", 30, 1699997060000L)))));

        connector(signMethod, Duration.ZERO).synchronise(shop(Instant.ofEpochMilli(1_699_996_400_000L)));

        assertThat(intake.order(Platform.KUAISHOU, SHOP, "2607602240240301")).isNotNull();
    }

    @Test
    void readsEveryPageOfEveryWindowFromTheCursorLessTheOverlap() {
        Duration overlap = Duration.ofMinutes(5);
        Instant cursor = NOW.minus(Duration.ofHours(60)).plus(overlap);
        Instant first = cursor.minus(overlap);
        Instant second = first.plus(Duration.ofDays(1));
        Instant third = second.plus(Duration.ofDays(1));
        platform.stubFor(listCall(first, "").willReturn(okJson(page("p2", order("1001", 30, first.toEpochMilli() + 1)))));
        platform.stubFor(listCall(first, "p2").willReturn(okJson(page("nomore", order("1002", 30, first.toEpochMilli() + 2)))));
        platform.stubFor(listCall(second, "").willReturn(okJson(page("", order("1003", 40, second.toEpochMilli() + 1)))));
        platform.stubFor(listCall(third, "").willReturn(okJson(page("more-but-empty"))));

        SyncReport report = connector(SignMethod.HMAC_SHA256, overlap).synchronise(shop(cursor));

        assertThat(intake.orders()).hasSize(3);
        assertThat(intake.order(Platform.KUAISHOU, SHOP, "1003").status()).isEqualTo(PlatformOrderStatus.SHIPPED);
        assertThat(report).isEqualTo(new SyncReport(3, 3, 0, NOW));
        assertThat(shops.shop(Platform.KUAISHOU, SHOP).syncCursor()).isEqualTo(NOW);
        platform.verify(4, getRequestedFor(urlPathEqualTo(LIST)));
        // each page handed to the intake at once, the empty last one too
        assertThat(intake.pages()).containsExactly(1, 1, 1, 0);
        platform.verify(getRequestedFor(urlPathEqualTo(LIST))
                .withQueryParam("param", and(
                        matchingJsonPath("$.endTime", equalTo(Long.toString(second.toEpochMilli()))),
                        matchingJsonPath("$.queryType", equalTo("2")))));
    }

    @Test
    void backfillsThreeDaysForAShopWithoutCursor() {
        platform.stubFor(listCall().willReturn(okJson(EMPTY_PAGE)));

        connector().synchronise(shop(null));

        platform.verify(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("param",
                matchingJsonPath("$.beginTime", equalTo(Long.toString(NOW.minus(Duration.ofDays(3)).toEpochMilli())))));
        platform.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
        assertThat(shops.shop(Platform.KUAISHOU, SHOP).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void keepsTheCursorAtTheLastCompleteWindowWhenAWindowFails() {
        Instant cursor = NOW.minus(Duration.ofHours(36));
        Instant second = cursor.plus(Duration.ofDays(1));
        platform.stubFor(listCall(cursor, "").willReturn(okJson(page("nomore", order("2001", 30, cursor.toEpochMilli())))));
        platform.stubFor(listCall(second, "").willReturn(okJson(page("p2", order("2002", 30, second.toEpochMilli())))));
        platform.stubFor(listCall(second, "p2").willReturn(serverError()));

        assertThatThrownBy(() -> connector().synchronise(shop(cursor)))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue());

        assertThat(shops.shop(Platform.KUAISHOU, SHOP).syncCursor()).isEqualTo(second);
        assertThat(intake.orders()).hasSize(2);
        platform.verify(3, getRequestedFor(urlPathEqualTo(LIST))
                .withQueryParam("param", matchingJsonPath("$.cursor", equalTo("p2"))));
    }

    @Test
    void refreshesAnExpiredTokenOnceStoresTheRotatedTokensAndRepeatsTheCall() {
        platform.stubFor(listCall().withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(okJson("{\"result\":28,\"error_msg\":\"TOKEN过期\"}")));
        platform.stubFor(post(urlPathEqualTo(REFRESH))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("refresh-1"))
                .withFormParam("app_id", equalTo(APP_KEY))
                .withFormParam("app_secret", equalTo(APP_SECRET))
                .willReturn(okJson("{\"result\":1,\"access_token\":\"new-access\",\"expires_in\":172800,"
                        + "\"refresh_token\":\"refresh-2\",\"open_id\":\"o\",\"scopes\":[\"merchant_order\"]}")));
        platform.stubFor(listCall().withQueryParam("access_token", equalTo("new-access"))
                .willReturn(okJson(page("nomore", order("3001", 30, NOW.toEpochMilli())))));

        connector().synchronise(shop(NOW.minus(Duration.ofHours(1))));

        ShopAccount stored = shops.shop(Platform.KUAISHOU, SHOP);
        assertThat(stored.accessToken()).isEqualTo("new-access");
        assertThat(stored.refreshToken()).isEqualTo("refresh-2");
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(172800));
        assertThat(intake.order(Platform.KUAISHOU, SHOP, "3001")).isNotNull();
        platform.verify(1, postRequestedFor(urlPathEqualTo(REFRESH)));
    }

    @Test
    void refreshesATokenAboutToExpireOnlyOnceForConcurrentCalls() throws Exception {
        shops.add(new ShopAccount(Platform.KUAISHOU, SHOP, TOKEN, "refresh-1", NOW.plusSeconds(60), NOW));
        platform.stubFor(post(urlPathEqualTo(REFRESH)).willReturn(okJson("{\"result\":1,\"access_token\":\"new-access\","
                + "\"expires_in\":172800,\"refresh_token\":\"refresh-2\"}").withFixedDelay(200)));
        platform.stubFor(post(urlPathEqualTo(DELIVER)).withFormParam("access_token", equalTo("new-access"))
                .andMatching(signedAsKuaishouRequires()).willReturn(okJson("{\"result\":1}")));
        KuaishouConnector connector = connector();
        ShopAccount stale = shops.shop(Platform.KUAISHOU, SHOP);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String orderId = Integer.toString(4000 + i);
                calls.add(threads.submit(() -> connector.writeBack(stale,
                        new ShipmentNotice(SHOP, orderId, Carrier.ZTO, "7831234567890" + orderId, "req-" + orderId))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }

        platform.verify(1, postRequestedFor(urlPathEqualTo(REFRESH)));
        platform.verify(4, postRequestedFor(urlPathEqualTo(DELIVER)));
        assertThat(shops.shop(Platform.KUAISHOU, SHOP).refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void marksTheShopWhenTheRefreshTokenIsRefused() {
        platform.stubFor(listCall().willReturn(okJson("{\"result\":28,\"error_msg\":\"TOKEN过期\"}")));
        platform.stubFor(post(urlPathEqualTo(REFRESH)).willReturn(okJson(
                "{\"result\":100200102,\"error\":\"access_denied\",\"error_msg\":\"refreshToken.discarded\"}")));

        assertThatThrownBy(() -> connector().synchronise(shop(NOW.minus(Duration.ofHours(1)))))
                .isInstanceOf(AuthorisationRevokedException.class);

        assertThat(shops.revocationReason(Platform.KUAISHOU, SHOP)).hasValueSatisfying(
                reason -> assertThat(reason).contains("100200102"));
    }

    @Test
    void retriesAServerErrorThenStoresTheOrders() {
        faultThenSuccess(serverError());
    }

    @Test
    void retriesATimeoutThenStoresTheOrders() {
        faultThenSuccess(okJson(EMPTY_PAGE).withFixedDelay(1_500));
    }

    @Test
    void retriesThrottlingThenStoresTheOrders() {
        faultThenSuccess(okJson("{\"result\":0,\"error_msg\":\"Exceed qps limit, KEY [apiId:1;appkey:"
                + APP_KEY + "], MAX_QPS [300.0]\"}"));
    }

    @Test
    void retriesHttp429ThenStoresTheOrders() {
        faultThenSuccess(aResponse().withStatus(429));
    }

    @Test
    void retriesATruncatedBodyThenStoresTheOrders() {
        faultThenSuccess(okJson("{\"result\":1,\"data\":{\"cursor\":\"nomo"));
    }

    private void faultThenSuccess(ResponseDefinitionBuilder fault) {
        platform.stubFor(listCall().inScenario("fault").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault).willSetStateTo("recovered"));
        platform.stubFor(listCall().inScenario("fault").whenScenarioStateIs("recovered")
                .willReturn(okJson(page("nomore", order("5001", 30, NOW.toEpochMilli())))));

        SyncReport report = connector().synchronise(shop(NOW.minus(Duration.ofHours(1))));

        assertThat(intake.order(Platform.KUAISHOU, SHOP, "5001")).isNotNull();
        assertThat(report.stored()).isEqualTo(1);
        assertThat(shops.shop(Platform.KUAISHOU, SHOP).syncCursor()).isEqualTo(NOW);
        platform.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWithoutMovingTheCursor() {
        platform.stubFor(listCall().willReturn(aResponse().withStatus(503)));
        Instant cursor = NOW.minus(Duration.ofHours(1));

        assertThatThrownBy(() -> connector().synchronise(shop(cursor)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo("http-503");
                    assertThat(e.retryable()).isTrue();
                });

        platform.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
        assertThat(shops.shop(Platform.KUAISHOU, SHOP).syncCursor()).isEqualTo(cursor);
    }

    @Test
    void marksTheShopWhenKuaishouSaysTheAuthorisationIsRevoked() {
        platform.stubFor(listCall().willReturn(okJson("{\"result\":24,\"error_msg\":\"AUTHORIZATION_REVOKED\"}")));
        Instant cursor = NOW.minus(Duration.ofHours(1));

        assertThatThrownBy(() -> connector().synchronise(shop(cursor)))
                .isInstanceOfSatisfying(AuthorisationRevokedException.class, e -> {
                    assertThat(e.shopId()).isEqualTo(SHOP);
                    assertThat(e.platformCode()).isEqualTo("24");
                });

        assertThat(shops.revocationReason(Platform.KUAISHOU, SHOP)).isPresent();
        assertThat(shops.activeShops(Platform.KUAISHOU)).isEmpty();
        assertThat(shops.shop(Platform.KUAISHOU, SHOP).syncCursor()).isEqualTo(cursor);
        platform.verify(0, postRequestedFor(urlPathEqualTo(REFRESH)));
    }

    @Test
    void reportsOtherPlatformErrorsWithTheirCode() {
        platform.stubFor(listCall().willReturn(okJson("{\"result\":300004,\"error_msg\":\"时间范围超过7天\"}")));

        assertThatThrownBy(() -> connector().synchronise(shop(NOW.minus(Duration.ofHours(1)))))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo("300004");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void deadLettersAMalformedOrderAndStoresTheRestOfTheBatch() {
        String unknownStatus = order("6002", 99, NOW.toEpochMilli());
        String noBaseInfo = "{\"orderBaseInfo\":\"garbage\",\"orderItemInfo\":{}}";
        platform.stubFor(listCall().willReturn(okJson(page("nomore", order("6001", 30, NOW.toEpochMilli()),
                unknownStatus, noBaseInfo, order("6004", 30, NOW.toEpochMilli())))));

        SyncReport report = connector().synchronise(shop(NOW.minus(Duration.ofHours(1))));

        assertThat(intake.orders().keySet()).extracting(InMemoryIntake.Key::platformOrderId)
                .containsExactlyInAnyOrder("6001", "6004");
        assertThat(intake.deadLetters()).hasSize(2);
        DeadLetter unknown = intake.deadLetters().get(0);
        assertThat(unknown.platform()).isEqualTo(Platform.KUAISHOU);
        assertThat(unknown.shopId()).isEqualTo(SHOP);
        assertThat(unknown.source()).isEqualTo("poll");
        assertThat(unknown.rawMessage()).contains("6002");
        assertThat(unknown.reason()).contains("status 99");
        assertThat(intake.deadLetters().get(1).reason()).contains("shape");
        assertThat(report).isEqualTo(new SyncReport(4, 2, 2, NOW));
        assertThat(shops.shop(Platform.KUAISHOU, SHOP).syncCursor()).isEqualTo(NOW);
    }

    @Test
    void storesDuplicateAndOutOfOrderUpdatesOnceWithTheLatestStatus() {
        long paid = NOW.toEpochMilli() - 60_000;
        long shipped = NOW.toEpochMilli() - 30_000;
        platform.stubFor(listCall().willReturn(okJson(page("p2", order("7001", 40, shipped), order("7001", 30, paid)))));
        platform.stubFor(listCall().withQueryParam("param", matchingJsonPath("$.cursor", equalTo("p2")))
                .willReturn(okJson(page("nomore", order("7001", 40, shipped)))));
        KuaishouConnector connector = connector(SignMethod.HMAC_SHA256, Duration.ofMinutes(5));

        connector.synchronise(shop(NOW.minus(Duration.ofHours(1))));
        connector.synchronise(shops.shop(Platform.KUAISHOU, SHOP));

        assertThat(intake.orders()).hasSize(1);
        assertThat(intake.order(Platform.KUAISHOU, SHOP, "7001").status()).isEqualTo(PlatformOrderStatus.SHIPPED);
        assertThat(intake.order(Platform.KUAISHOU, SHOP, "7001").updatedAt()).isEqualTo(Instant.ofEpochMilli(shipped));
        assertThat(intake.deliveries()).isEqualTo(6);
    }

    @Test
    void shipsWithTheBodyKuaishouSpecifies() {
        platform.stubFor(post(urlPathEqualTo(DELIVER)).andMatching(signedAsKuaishouRequires())
                .willReturn(okJson("{\"result\":1,\"error_msg\":\"\"}")));

        connector().writeBack(shop(NOW), new ShipmentNotice(SHOP, "2607602240240301", Carrier.ZTO, "78312345678901", "req-1"));

        platform.verify(postRequestedFor(urlPathEqualTo(DELIVER))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("appkey", equalTo(APP_KEY))
                .withFormParam("method", equalTo("open.seller.order.goods.deliver"))
                .withFormParam("version", equalTo("1"))
                .withFormParam("access_token", equalTo(TOKEN))
                .withFormParam("signMethod", equalTo("HMAC_SHA256"))
                .withFormParam("timestamp", equalTo("1700000000000"))
                .withFormParam("param", equalTo("{\"orderId\":2607602240240301,\"expressNo\":\"78312345678901\",\"expressCode\":9}")));
    }

    @Test
    void shipsTheSameWaybillAgainHarmlessly() {
        // since 2024-11-25 Kuaishou answers success for a tracking number it already has
        platform.stubFor(post(urlPathEqualTo(DELIVER)).andMatching(signedAsKuaishouRequires())
                .willReturn(okJson("{\"result\":1}")));
        KuaishouConnector connector = connector();
        ShipmentNotice notice = new ShipmentNotice(SHOP, "2607602240240301", Carrier.JT, "JT0001234567", "req-2");

        connector.writeBack(shop(NOW), notice);
        connector.writeBack(shops.shop(Platform.KUAISHOU, SHOP), notice);

        platform.verify(2, postRequestedFor(urlPathEqualTo(DELIVER))
                .withFormParam("param", equalTo("{\"orderId\":2607602240240301,\"expressNo\":\"JT0001234567\",\"expressCode\":109}")));
    }

    @Test
    void reportsAShipmentKuaishouRefusesWithItsCode() {
        platform.stubFor(post(urlPathEqualTo(DELIVER)).willReturn(okJson(
                "{\"result\":11,\"error_msg\":\"运单号不符合规则\"}")));

        assertThatThrownBy(() -> connector().writeBack(shop(NOW),
                new ShipmentNotice(SHOP, "2607602240240301", Carrier.SF, "SF123", "req-3")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo("11");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void mapsEveryCarrierToAKuaishouExpressCode() {
        for (Carrier carrier : Carrier.values()) {
            assertThat(KuaishouCarrierCodes.expressCode(carrier)).isPositive();
        }
        assertThat(KuaishouCarrierCodes.expressCode(Carrier.ZTO)).isEqualTo(9);
        assertThat(KuaishouCarrierCodes.expressCode(Carrier.YTO)).isEqualTo(6);
        assertThat(KuaishouCarrierCodes.expressCode(Carrier.YUNDA)).isEqualTo(11);
        assertThat(KuaishouCarrierCodes.expressCode(Carrier.JT)).isEqualTo(109);
    }

    @Test
    void neverShowsSecretsInToString() {
        KuaishouProperties properties = KuaishouFixtures.properties(SignMethod.MD5);
        assertThat(properties.toString()).doesNotContain(APP_SECRET, KuaishouFixtures.SIGN_SECRET,
                KuaishouFixtures.MESSAGE_KEY);
        assertThat(new KuaishouTokenResponse(1, null, null, "at-secret", 1L, "rt-secret", null).toString())
                .doesNotContain("at-secret", "rt-secret");
    }
}
