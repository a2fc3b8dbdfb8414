package cn.jiyun.integrations.kuaishou;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.encrypt;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.order;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.page;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.pushMessage;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = KuaishouTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "jiyun.platforms.kuaishou.app-key=" + KuaishouFixtures.APP_KEY,
                "jiyun.platforms.kuaishou.app-secret=" + KuaishouFixtures.APP_SECRET,
                "jiyun.platforms.kuaishou.sign-secret=" + KuaishouFixtures.SIGN_SECRET,
                "jiyun.platforms.kuaishou.message-key=" + KuaishouFixtures.MESSAGE_KEY,
                // polling is driven by the tests through the poll endpoint
                "jiyun.platforms.kuaishou.poll-initial-delay=1h",
                "jiyun.platforms.kuaishou.poll-interval=1h",
                "jiyun.platforms.kuaishou.read-timeout=2s",
                "jiyun.platforms.kuaishou.retry.max-attempts=2",
                "jiyun.platforms.kuaishou.retry.initial-backoff=10ms",
                "jiyun.platforms.kuaishou.retry.max-backoff=20ms",
                "jiyun.platforms.kuaishou.redelivery.max-redeliveries=1",
                "jiyun.platforms.kuaishou.redelivery.delay=10ms",
                "camel.main.name=kuaishou-test"
        })
class KuaishouRoutesTest {

    private static final WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String LIST = "/open/order/cursor/list";

    static {
        platform.start();
    }

    @DynamicPropertySource
    static void platformUrl(DynamicPropertyRegistry registry) {
        registry.add("jiyun.platforms.kuaishou.base-url", platform::baseUrl);
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryIntake intake;
    @Autowired
    InMemoryShopAccounts shops;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    PlatformRoutes routes;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void resetPlatform() {
        platform.resetAll();
        platform.stubFor(get(urlPathEqualTo(LIST)).atPriority(10).willReturn(okJson(page("nomore"))));
    }

    /** Registers a shop whose access token routes WireMock answers to it alone. */
    private void shopWithOrder(String shopId, String oid) {
        shops.add(new ShopAccount(Platform.KUAISHOU, shopId, "token-" + shopId, "refresh-" + shopId,
                Instant.now().plus(Duration.ofDays(2)), Instant.now().minus(Duration.ofHours(1))));
        platform.stubFor(get(urlPathEqualTo(LIST)).atPriority(1)
                .withQueryParam("access_token", equalTo("token-" + shopId))
                .willReturn(okJson(page("nomore", order(oid, 30, Instant.now().toEpochMilli())))));
    }

    private HttpResponse<String> postWebhook(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + routes.webhookPath()))
                        .header("Content-Type", "text/plain;charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean stored(String shopId, String oid) {
        return intake.order(Platform.KUAISHOU, shopId, oid) != null;
    }

    /** Waits for asynchronous work to show; fails the test if it never does. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }

    @Test
    void acknowledgesAGoodWebhookAsKuaishouExpectsAndSynchronisesTheShop() throws Exception {
        shopWithOrder("1001", "80001");

        HttpResponse<String> answer = postWebhook(encrypt(pushMessage("evt-1", "1001", "80001"), KuaishouFixtures.MESSAGE_KEY));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"result\":1}");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        eventually(() -> stored("1001", "80001"));
    }

    @Test
    void rejectsWebhookWithBadSignatureAndChangesNothing() throws Exception {
        shopWithOrder("1002", "80002");
        int ordersBefore = intake.orders().size();
        int deadLettersBefore = intake.deadLetters().size();

        HttpResponse<String> otherKey = postWebhook(encrypt(pushMessage("evt-2", "1002", "80002"), "ZmVkY2JhOTg3NjU0MzIxMA=="));
        HttpResponse<String> plain = postWebhook(pushMessage("evt-3", "1002", "80002"));

        assertThat(otherKey.statusCode()).isEqualTo(401);
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(otherKey.body()).doesNotContain("result");
        // a later, good message for the same shop proves nothing was queued by the bad ones
        postWebhook(encrypt(pushMessage("evt-4", "1002", "80002"), KuaishouFixtures.MESSAGE_KEY));
        eventually(() -> stored("1002", "80002"));
        platform.verify(1, getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("token-1002")));
        assertThat(intake.orders().size()).isEqualTo(ordersBefore + 1);
        assertThat(intake.deadLetters()).hasSize(deadLettersBefore);
    }

    @Test
    void rejectsAMessageMeantForAnotherApp() throws Exception {
        String forAnotherApp = pushMessage("evt-5", "1003", "80003").replace(KuaishouFixtures.APP_KEY, "ks999");

        assertThat(postWebhook(encrypt(forAnotherApp, KuaishouFixtures.MESSAGE_KEY)).statusCode()).isEqualTo(401);
    }

    @Test
    void acknowledgesTheConsoleTestMessageWithoutSynchronising() throws Exception {
        HttpResponse<String> answer = postWebhook(encrypt("{\"test\":true}", KuaishouFixtures.MESSAGE_KEY));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"result\":1}");
        platform.verify(0, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void backfillsANewlyRegisteredShopThroughTheSyncEntry() {
        shops.add(new ShopAccount(Platform.KUAISHOU, "1006", "token-1006", "refresh-1006",
                Instant.now().plus(Duration.ofDays(2)), null));
        platform.stubFor(get(urlPathEqualTo(LIST)).atPriority(1)
                .withQueryParam("access_token", equalTo("token-1006"))
                .willReturn(okJson(page("nomore", order("80006", 30, Instant.now().toEpochMilli())))));

        SyncReport report = camel.requestBody(routes.syncShopEndpoint(), "1006", SyncReport.class);

        assertThat(stored("1006", "80006")).isTrue();
        assertThat(report.cursor()).isNotNull();
        assertThat(shops.shop(Platform.KUAISHOU, "1006").syncCursor()).isEqualTo(report.cursor());
        // three days of backfill in windows of one day
        platform.verify(3, getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("token-1006")));
    }

    @Test
    void deadLettersAHintForAShopJiyunDoesNotKnow() throws Exception {
        int before = intake.deadLetters().size();

        postWebhook(encrypt(pushMessage("evt-8", "424242", "80010"), KuaishouFixtures.MESSAGE_KEY));

        eventually(() -> intake.deadLetters().size() > before);
        assertThat(intake.deadLetters().get(before).reason()).contains("424242");
        assertThat(intake.deadLetters().get(before).source()).isEqualTo("webhook");
        assertThat(intake.deadLetters().get(before).rawMessage()).contains("evt-8");
    }

    @Test
    void leavesAShopAwaitingReauthorisationAlone() throws Exception {
        shopWithOrder("1010", "80011");
        shops.authorisationRevoked(Platform.KUAISHOU, "1010", "seller withdrew");
        shopWithOrder("1011", "80012");

        postWebhook(encrypt(pushMessage("evt-9", "1010", "80011"), KuaishouFixtures.MESSAGE_KEY));
        postWebhook(encrypt(pushMessage("evt-10", "1011", "80012"), KuaishouFixtures.MESSAGE_KEY));

        eventually(() -> stored("1011", "80012"));
        assertThat(stored("1010", "80011")).isFalse();
        platform.verify(0, getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("token-1010")));
    }

    @Test
    void findsAShopKnownByTheSellerOpenId() throws Exception {
        shopWithOrder("f1b68e8f2a4995ed14bf57245903fd9a", "80015");

        postWebhook(encrypt(pushMessage("evt-11", "55555", "f1b68e8f2a4995ed14bf57245903fd9a", "80015"), KuaishouFixtures.MESSAGE_KEY));

        eventually(() -> stored("f1b68e8f2a4995ed14bf57245903fd9a", "80015"));
    }
}
