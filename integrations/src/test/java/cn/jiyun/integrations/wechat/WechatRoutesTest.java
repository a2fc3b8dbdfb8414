package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.WireMockServer;
import cn.jiyun.integrations.sync.PlatformRoutes;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static cn.jiyun.integrations.wechat.WechatFixtures.listAnswer;
import static cn.jiyun.integrations.wechat.WechatFixtures.orderAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The routes in a running application: webhook over real HTTP, polling and direct sync, WeChat on WireMock. */
@SpringBootTest(classes = WechatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "jiyun.platforms.wechat.app-id=" + WechatFixtures.APP_ID,
                "jiyun.platforms.wechat.app-secret=" + WechatFixtures.APP_SECRET,
                "jiyun.platforms.wechat.token=" + WechatFixtures.TOKEN,
                "jiyun.platforms.wechat.encoding-aes-key=" + WechatFixtures.AES_KEY,
                "jiyun.platforms.wechat.polling-enabled=false",
                "jiyun.platforms.wechat.read-timeout=700ms",
                "jiyun.platforms.wechat.retry.max-attempts=2",
                "jiyun.platforms.wechat.retry.initial-backoff=10ms",
                "jiyun.platforms.wechat.redelivery.max-redeliveries=1",
                "jiyun.platforms.wechat.redelivery.delay=10ms",
        })
class WechatRoutesTest {

    static final WireMockServer wechat = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        wechat.start();
    }

    @DynamicPropertySource
    static void wechatOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("jiyun.platforms.wechat.base-url", wechat::baseUrl);
    }

    @AfterAll
    static void stopWechat() {
        wechat.stop();
    }

    private static final String SHOP = "gh_0123456789ab";
    private static final String OTHER_SHOP = "gh_99999999ffff";
    private static final String ORDER_A = "3705115058471208928";
    private static final String ORDER_B = "3705115058471208931";

    @LocalServerPort
    int port;
    @Autowired
    WechatTestApplication.FreshIntake freshIntake;
    @Autowired
    WechatTestApplication.FreshShopAccounts freshShops;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    PlatformRoutes routes;

    private final WechatMessageCrypto platformSide = new WechatMessageCrypto(WechatFixtures.TOKEN,
            WechatFixtures.AES_KEY, WechatFixtures.APP_ID);
    private final HttpClient http = HttpClient.newHttpClient();
    private InMemoryIntake intake;
    private InMemoryShopAccounts shops;

    @BeforeEach
    void freshState() {
        wechat.resetAll();
        intake = freshIntake.reset();
        shops = freshShops.reset();
    }

    private void shopWithOrders(String shopId, String token, String... orderIds) {
        Instant now = Instant.now();
        shops.add(new ShopAccount(Platform.WECHAT, shopId, token, "", now.plus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(1))));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.ORDER_LIST)).withQueryParam("access_token", equalTo(token))
                .willReturn(okJson(listAnswer("", false, orderIds))));
        for (String orderId : orderIds) {
            wechat.stubFor(post(urlPathEqualTo(WechatApiClient.ORDER_GET))
                    .withQueryParam("access_token", equalTo(token))
                    .withRequestBody(equalToJson("{\"order_id\":\"" + orderId + "\"}"))
                    .willReturn(okJson(orderAnswer(orderId, 20, 1699997060L))));
        }
    }

    private static String event(String toUserName, String event, String orderId, long createTime) {
        return """
                {"ToUserName":"%s","FromUserName":"oABCD1234567890","CreateTime":%d,"MsgType":"event",\
                "Event":"%s","order_info":{"order_id":%s,"pay_time":1700000299}}"""
                .formatted(toUserName, createTime, event, orderId);
    }

    private HttpResponse<String> push(String message, boolean signCorrectly) throws IOException, InterruptedException {
        return push(message, signCorrectly, Instant.now());
    }

    private HttpResponse<String> push(String message, boolean signCorrectly, Instant signedAt)
            throws IOException, InterruptedException {
        String encrypted = platformSide.encrypt(message);
        String timestamp = String.valueOf(signedAt.getEpochSecond());
        String nonce = "1514711492";
        String signature = platformSide.messageSignature(timestamp, nonce, encrypted);
        if (!signCorrectly) {
            signature = platformSide.messageSignature(timestamp, nonce + "1", encrypted);
        }
        String body = "{\"ToUserName\":\"gh_0123456789ab\",\"Encrypt\":\"" + encrypted + "\"}";
        URI uri = URI.create("http://localhost:" + port + "/webhooks/wechat?signature=ignored&timestamp=" + timestamp
                + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + signature);
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesAPushSignedLongerAgoThanTheFreshnessWindowThoughItsSignatureIsRight() throws Exception {
        shopWithOrders(SHOP, "T-SHOP", ORDER_A);

        HttpResponse<String> replayed = push(WechatMessageCryptoTest.PLAINTEXT, true,
                Instant.now().minus(WechatPushReader.FRESHNESS).minusSeconds(60));

        assertThat(replayed.statusCode()).isEqualTo(401);
        // a minute old is within it (an event that is not an order's, so that nothing syncs behind the next test)
        assertThat(push(event("gh_0123456789ab", "user_enter_tempsession", ORDER_A, 1700000999L), true,
                Instant.now().minusSeconds(60)).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsASignedPushAnswersSuccessAndSyncsTheShop() throws Exception {
        shopWithOrders(SHOP, "T-SHOP", ORDER_A);

        HttpResponse<String> response = push(WechatMessageCryptoTest.PLAINTEXT, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> intake.order(Platform.WECHAT, SHOP, ORDER_A) != null);
        assertThat(shops.shop(Platform.WECHAT, SHOP).syncCursor()).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS));
    }

    @Test
    void refusesAPushWithoutEncryptedBody() throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/webhooks/wechat?timestamp=1&nonce=2&msg_signature=abc");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{\"ToUserName\":\"gh_0123456789ab\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void syncsEveryActiveShopWhenThePushNamesNoKnownShop() throws Exception {
        shopWithOrders(SHOP, "T-SHOP", ORDER_A);

        assertThat(push(event("gh_unknown", "channels_ec_order_cancel", ORDER_A, 1700000302L), true).body())
                .isEqualTo("success");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> intake.order(Platform.WECHAT, SHOP, ORDER_A) != null);
    }

    @Test
    void deadLettersAVerifiedPushThatIsNotJson() throws Exception {
        HttpResponse<String> response = push("this is not json", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
        assertThat(intake.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo("webhook");
            assertThat(letter.rawMessage()).isEqualTo("this is not json");
            assertThat(letter.reason()).contains("not JSON");
        });
    }

    @Test
    void refusesAPushSealedForAnotherApp() throws Exception {
        WechatMessageCrypto otherApp = new WechatMessageCrypto(WechatFixtures.TOKEN, WechatFixtures.AES_KEY,
                "wx0000000000000002");
        String encrypted = otherApp.encrypt(event(SHOP, "channels_ec_order_pay", ORDER_A, 1700000303L));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = otherApp.messageSignature(timestamp, "42", encrypted);
        URI uri = URI.create("http://localhost:" + port + "/webhooks/wechat?timestamp=" + timestamp + "&nonce=42"
                + "&encrypt_type=aes&msg_signature=" + signature);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers
                .ofString("{\"ToUserName\":\"gh_0123456789ab\",\"Encrypt\":\"" + encrypted + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(intake.deadLetters()).isEmpty();
    }

    @Test
    void answers500AndDeadLettersWhenAPushCannotBeQueued() throws Exception {
        HttpResponse<String> response = push(event(SHOP, "channels_ec_order_" + WechatTestApplication.FAIL_ON_CUE,
                ORDER_A, 1700000304L), true);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(intake.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo("webhook");
            assertThat(letter.reason()).contains("message-id store unavailable");
            assertThat(letter.rawMessage()).contains("\"Encrypt\"");
        });
    }

    @Test
    void answersUrlVerificationWithTheEchostr() throws Exception {
        String ok = "http://localhost:" + port + "/webhooks/wechat?signature=f464b24fc39322e44b38aa78f5edd27bd1441696"
                + "&timestamp=1714036504&nonce=1514711492&echostr=" + URLEncoder.encode("echo 123", StandardCharsets.UTF_8);
        String bad = ok.replace("f464b24f", "00000000");

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(ok)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(bad)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("echo 123");
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void backfillsANewShopThroughTheDirectEntry() {
        Instant now = Instant.now();
        shops.add(new ShopAccount(Platform.WECHAT, "shop-new", "T-NEW", "", now.plus(Duration.ofHours(1)), null));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.ORDER_LIST)).withQueryParam("access_token", equalTo("T-NEW"))
                .willReturn(okJson(listAnswer("", false, ORDER_A))));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.ORDER_GET)).withQueryParam("access_token", equalTo("T-NEW"))
                .willReturn(okJson(orderAnswer(ORDER_A, 20, 1699997060L))));

        SyncReport report = camel.requestBody(routes.syncShopEndpoint(), "shop-new", SyncReport.class);

        assertThat(report.stored()).isEqualTo(1);
        assertThat(intake.order(Platform.WECHAT, "shop-new", ORDER_A)).isNotNull();
        long start = wechat.findAll(postRequestedFor(urlPathEqualTo(WechatApiClient.ORDER_LIST))).get(0)
                .getBodyAsString().transform(body -> Long.parseLong(body.replaceAll(".*\"start_time\":(\\d+).*", "$1")));
        assertThat(Instant.ofEpochSecond(start)).isCloseTo(now.minus(Duration.ofDays(3)), within(60, ChronoUnit.SECONDS));
    }
}
