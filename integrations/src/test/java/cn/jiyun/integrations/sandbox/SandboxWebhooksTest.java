package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.douyin.DouyinSignMethod;
import cn.jiyun.integrations.douyin.DouyinSigner;
import cn.jiyun.integrations.sync.SyncHint;
import cn.jiyun.integrations.douyin.DouyinPushReader;
import cn.jiyun.integrations.wechat.WechatMessageCrypto;
import cn.jiyun.integrations.wechat.WechatPushReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's pushes open with the connectors' own webhook readers and point at the new orders. */
class SandboxWebhooksTest {

    private record Push(String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String parameter(String name) {
            return WireRequest.decode(query).get(name);
        }
    }

    private final BlockingQueue<Push> pushes = new LinkedBlockingQueue<>();
    private HttpServer jiyun;

    @BeforeEach
    void startJiyun() throws Exception {
        jiyun = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jiyun.createContext("/webhooks/", exchange -> {
            pushes.add(new Push(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            byte[] ack = "success".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ack.length);
            exchange.getResponseBody().write(ack);
            exchange.close();
        });
        jiyun.start();
    }

    @AfterEach
    void stopJiyun() {
        jiyun.stop(0);
    }

    @Test
    void newOrdersArePushedSignedAndSealedAsEachPlatformDoes() throws Exception {
        SandboxCredentials demo = SandboxCredentials.DEMO;
        URI callback = URI.create("http://127.0.0.1:" + jiyun.getAddress().getPort());
        MutableClock clock = new MutableClock(SandboxTestbed.NOW);
        try (PlatformSandbox sandbox = new PlatformSandbox(
                new SandboxProperties(true, 0, Duration.ZERO, 2, 77, callback, Duration.ZERO), clock)) {
            sandbox.start(SandboxTestbed.CATALOGUE);
            assertThat(pushes).as("the backlog is not pushed").isEmpty();

            clock.advance(Duration.ofMinutes(1));
            List<SandboxOrder> added = sandbox.generateOrders(3);

            for (int i = 0; i < 3; i++) {
                Push push = pushes.poll(10, TimeUnit.SECONDS);
                assertThat(push).as("push %s of 3", i + 1).isNotNull();
                switch (push.path()) {
                    case "/webhooks/douyin" -> assertDouyin(push, order(added, Platform.DOUYIN), demo);
                    case "/webhooks/kuaishou" -> assertKuaishou(push, order(added, Platform.KUAISHOU), demo);
                    case "/webhooks/wechat" -> assertWechat(push, order(added, Platform.WECHAT), demo, clock);
                    default -> throw new AssertionError("push to " + push.path());
                }
            }
        }
    }

    @Test
    void aShopOpenedOnTheAuthorisePageIsNotPushedItsBacklog() throws Exception {
        URI callback = URI.create("http://127.0.0.1:" + jiyun.getAddress().getPort());
        MutableClock clock = new MutableClock(SandboxTestbed.NOW);
        try (PlatformSandbox sandbox = new PlatformSandbox(
                new SandboxProperties(true, 0, Duration.ZERO, 3, 77, callback, Duration.ZERO), clock)) {
            sandbox.start(SandboxCatalogue.empty());

            // Jiyun does not know the shop until its code is exchanged: pushes of it would be dead letters there
            SandboxCatalogue.Shop opened = sandbox.openShop(Platform.DOUYIN);
            assertThat(sandbox.orders(Platform.DOUYIN, opened.shopId())).hasSize(3);

            clock.advance(Duration.ofMinutes(1));
            SandboxOrder later = sandbox.generateOrders(1).get(0);
            Push push = pushes.poll(10, TimeUnit.SECONDS);
            assertThat(push).as("the shop's first new order is pushed").isNotNull();
            assertDouyin(push, later, SandboxCredentials.DEMO);
            assertThat(pushes.poll(300, TimeUnit.MILLISECONDS)).as("nothing of the backlog").isNull();
        }
    }

    private static void assertDouyin(Push push, SandboxOrder order, SandboxCredentials demo) {
        DouyinPushReader reader = new DouyinPushReader(new DouyinSigner(demo.douyinAppKey(), demo.douyinAppSecret(),
                DouyinSignMethod.HMAC_SHA256));
        List<SyncHint> hints = reader.read(new cn.jiyun.integrations.sync.Push(push.body(), push::header));
        assertThat(hints).singleElement().satisfies(hint -> {
            assertThat(hint.shopIds()).containsExactly(order.shopId());
            assertThat(hint.message()).contains(order.orderId());
        });
    }

    private static void assertKuaishou(Push push, SandboxOrder order, SandboxCredentials demo) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(demo.kuaishouMessageKey()), "AES"),
                new IvParameterSpec(new byte[16]));
        byte[] plain = cipher.doFinal(Base64.getDecoder().decode(new String(push.body(), StandardCharsets.UTF_8)));
        JsonNode message = new ObjectMapper().readTree(plain);
        assertThat(message.path("event").asText()).isEqualTo("kwaishop_order_paySuccess");
        assertThat(message.path("bizId").asText()).isEqualTo(order.orderId());
        assertThat(message.path("userId").asText()).isEqualTo(order.shopId());
        assertThat(message.path("appKey").asText()).isEqualTo(demo.kuaishouAppKey());
    }

    private static void assertWechat(Push push, SandboxOrder order, SandboxCredentials demo, java.time.Clock clock) {
        WechatPushReader reader = new WechatPushReader(new WechatMessageCrypto(demo.wechatToken(),
                demo.wechatEncodingAesKey(), demo.wechatAppId()), new ObjectMapper(), clock);
        List<SyncHint> hints = reader.read(new cn.jiyun.integrations.sync.Push(push.body(), push::parameter));
        assertThat(hints).singleElement().satisfies(hint -> {
            assertThat(hint.message()).contains("channels_ec_order_pay", order.orderId());
            assertThat(hint.shopIds()).containsExactly(order.shopId());
        });
    }

    private static SandboxOrder order(List<SandboxOrder> added, Platform platform) {
        return added.stream().filter(o -> o.platform() == platform).findFirst().orElseThrow();
    }
}
