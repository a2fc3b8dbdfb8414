package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.sync.PlatformRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static cn.jiyun.integrations.douyin.DouyinFixtures.APP_KEY;
import static cn.jiyun.integrations.douyin.DouyinFixtures.NOW;
import static cn.jiyun.integrations.douyin.DouyinFixtures.order;
import static cn.jiyun.integrations.douyin.DouyinFixtures.page;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The routes in a running application with the poll timer held back: {@code POST /webhooks/douyin}
 * (signature on the raw bytes, the answer Douyin expects, de-duplication by {@code msg_id}, the
 * sync the hint starts) and the backfill fulfillment asks for.
 *
 * <p>Hints are synced one at a time in arrival order, so once a later "marker" push has been
 * synced every earlier push has been too: that is how these tests see that nothing happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jiyun.platforms.douyin.app-key=" + DouyinFixtures.APP_KEY,
        "jiyun.platforms.douyin.app-secret=" + DouyinFixtures.APP_SECRET,
        "jiyun.platforms.douyin.poll-initial-delay=1h",
        "jiyun.platforms.douyin.poll-interval=1h",
        "jiyun.platforms.douyin.retry.max-attempts=2",
        "jiyun.platforms.douyin.retry.initial-backoff=1ms",
        "jiyun.platforms.douyin.retry.max-backoff=5ms",
        "jiyun.platforms.douyin.redelivery.max-redeliveries=1",
        "jiyun.platforms.douyin.redelivery.delay=10ms"})
class DouyinRoutesTest {

    @RegisterExtension
    static WireMockExtension douyin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void douyinGateway(DynamicPropertyRegistry registry) {
        registry.add("jiyun.platforms.douyin.base-url", douyin::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryIntake intake;
    @Autowired
    InMemoryShopAccounts shops;
    @Autowired
    DouyinSigner signer;
    @Autowired
    PlatformRoutes routes;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A registered shop whose searchList answers one paid order. */
    void shopWithOneOrder(String shopId, String orderId) {
        shops.add(new ShopAccount(Platform.DOUYIN, shopId, "at-" + shopId, "rt-" + shopId,
                NOW.plus(Duration.ofDays(5)), NOW.minus(Duration.ofMinutes(20))));
        douyin.stubFor(post(urlPathEqualTo("/order/searchList")).withQueryParam("access_token", equalTo("at-" + shopId))
                .willReturn(okJson(page(0, 100, 1, order(orderId, 2, NOW.getEpochSecond() - 60)
                        .replace("\"shop_id\":12345678", "\"shop_id\":" + shopId)))));
    }

    static String push(String tag, String msgId, String shopId, String extra) {
        String data = "{\"p_id\":4984023467827309610,\"s_ids\":[4984023467827309611],\"shop_id\":" + shopId
                + ",\"order_status\":2" + extra + "}";
        return "[{\"tag\":\"" + tag + "\",\"msg_id\":\"" + msgId + "\",\"data\":\""
                + data.replace("\"", "\\\"") + "\"}]";
    }

    HttpResponse<String> deliver(String body, String eventSign) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/douyin"))
                .header("Content-Type", "application/json")
                .header("app-id", APP_KEY)
                .header("event-sign", eventSign)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> deliverSigned(String body) throws Exception {
        return deliver(body, signer.eventSign(body.getBytes(StandardCharsets.UTF_8)));
    }

    int searchesFor(String shopId) {
        return douyin.countRequestsMatching(postRequestedFor(urlPathEqualTo("/order/searchList"))
                .withQueryParam("access_token", equalTo("at-" + shopId)).build()).getCount();
    }

    void awaitSynced(String shopId, String orderId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> intake.order(Platform.DOUYIN, shopId, orderId) != null);
    }

    @Test
    void acceptsTheReadmeExamplePushAndSynchronisesItsShop() throws Exception {
        shopWithOneOrder("12345678", "6930000000000000001");
        byte[] body = DouyinSignerTest.readmeVectorBody();

        HttpResponse<String> answer = deliver(new String(body, StandardCharsets.UTF_8), "a488df856f35e59fad5ad836ebcda2e6");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");
        awaitSynced("12345678", "6930000000000000001");
    }

    @Test
    void verifiesTheSignatureOnTheRawUtf8Bytes() throws Exception {
        shopWithOneOrder("20000001", "6930000000000000002");
        String cancelled = push("106", "7300000000000000102", "20000001", ",\"cancel_reason\":\"不想要了/换颜色 😀\"");

        HttpResponse<String> answer = deliverSigned(cancelled);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");
        awaitSynced("20000001", "6930000000000000002");
    }

    @Test
    void rejectsAPushForAnotherApp() throws Exception {
        shopWithOneOrder("20000009", "6930000000000000010");
        String body = push("101", "7300000000000000110", "20000009", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/douyin"))
                .header("Content-Type", "application/json")
                .header("app-id", "7000000000000000999")
                .header("event-sign", signer.eventSign(body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();

        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"code\":1,\"msg\":\"fail\"}");
    }

    @Test
    void mapsEveryOrderTagToASyncOfItsShop() throws Exception {
        String[] tags = {"100", "101", "103", "106", "126"};
        for (int i = 0; i < tags.length; i++) {
            String shopId = "2100000" + i;
            shopWithOneOrder(shopId, "693100000000000000" + i);

            deliverSigned(push(tags[i], "73100000000000001" + i, shopId, ",\"exp_delivery_time\":1700169320"));

            awaitSynced(shopId, "693100000000000000" + i);
        }
    }

    @Test
    void answersTheConsoleCheckWithoutSynchronising() throws Exception {
        shopWithOneOrder("20000006", "6930000000000000007");
        shopWithOneOrder("20000007", "6930000000000000008");

        HttpResponse<String> answer = deliverSigned(push("0", "7300000000000000107", "20000006", ""));
        deliverSigned(push("101", "7300000000000000108", "20000007", ""));
        awaitSynced("20000007", "6930000000000000008");

        assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");
        assertThat(searchesFor("20000006")).isZero();
    }

    @Test
    void keepsASignedButUnreadablePushAsADeadLetter() throws Exception {
        String unreadable = "{\"tag\":\"101\",\"msg_id\":\"7300000000000000109\"";

        HttpResponse<String> answer = deliverSigned(unreadable);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");
        assertThat(intake.deadLetters()).anySatisfy(letter -> {
            assertThat(letter.source()).isEqualTo("webhook");
            assertThat(letter.rawMessage()).isEqualTo(unreadable);
            assertThat(letter.reason()).contains("not a JSON array");
        });
    }

    @Test
    void backfillsANewlyRegisteredShopOnRequest() throws Exception {
        shopWithOneOrder("20000008", "6930000000000000009");
        shops.add(new ShopAccount(Platform.DOUYIN, "20000008", "at-20000008", "rt-20000008",
                NOW.plus(Duration.ofDays(5)), null));

        SyncReport report = routes.synchronise("20000008").get().orElseThrow();

        // Three days in one-hour windows, the same order answered in each: fetched 72 times, stored once.
        assertThat(report.fetched()).isEqualTo(72);
        assertThat(report.stored()).isEqualTo(1);
        assertThat(report.cursor()).isEqualTo(NOW);
        assertThat(shops.shop(Platform.DOUYIN, "20000008").syncCursor()).isEqualTo(NOW);
        douyin.verify(1, postRequestedFor(urlPathEqualTo("/order/searchList"))
                .withQueryParam("access_token", equalTo("at-20000008"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "\"update_time_start\":" + NOW.minus(Duration.ofDays(3)).getEpochSecond() + "}")));
    }
}
