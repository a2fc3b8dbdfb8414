package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.testing.InMemoryIntake;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo start in miniature: the three connector auto-configurations with their Camel pollers and
 * webhooks, the sandbox auto-configuration, and the properties block fulfillment puts in its
 * {@code application.yaml}. Orders of every platform flow in, the backlog and the new ones, and the
 * platforms' pushes reach Jiyun's webhooks.
 */
class SandboxDemoTest {

    @Test
    void theStartCommandShowsOrdersFlowingInFromAllThreePlatforms() throws Exception {
        int sandboxPort = freePort();
        int webPort = freePort();
        Map<String, Object> settings = new LinkedHashMap<>(demoBlock());
        settings.put("jiyun.sandbox.port", sandboxPort);
        settings.put("jiyun.sandbox.order-interval", "300ms");
        settings.put("jiyun.sandbox.backlog-per-shop", "5");
        settings.put("server.port", webPort);
        for (String platform : List.of("douyin", "kuaishou", "wechat")) {
            settings.put("jiyun.platforms." + platform + ".poll-interval", "300ms");
            settings.put("jiyun.platforms." + platform + ".poll-initial-delay", "100ms");
        }
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(SandboxDemoApplication.class)
                .properties(settings).run()) {
            PlatformSandbox sandbox = demo.getBean(PlatformSandbox.class);
            InMemoryIntake intake = demo.getBean(InMemoryIntake.class);
            Instant started = Instant.now();

            Set<InMemoryIntake.Key> backlog = held(sandbox);
            awaitUntil(() -> intake.orders().keySet().containsAll(backlog)
                    && Set.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT).equals(intake.orders().values().stream()
                    .filter(o -> o.createdAt().isAfter(started.minusSeconds(300)) && !backlog.contains(
                            new InMemoryIntake.Key(o.platform(), o.shopId(), o.platformOrderId())))
                    .map(o -> o.platform()).collect(Collectors.toSet())));

            // Jiyun's webhook routes open the sandbox's pushes and acknowledge them as each platform requires
            awaitUntil(() -> sandbox.pushes().stream().filter(SandboxPush::acknowledged)
                    .map(SandboxPush::platform).collect(Collectors.toSet())
                    .containsAll(Set.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT)));
            // (a push racing the start-up may meet no route yet; none may be refused as unauthentic)
            assertThat(sandbox.pushes()).noneMatch(push -> push.status() == 401);
            assertThat(intake.deadLetters()).isEmpty();
        }
    }

    /** The block for fulfillment's application.yaml, flattened; kept in the test so the report's copy is tested. */
    static Map<String, Object> demoBlock() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("jiyun.sandbox.enabled", "true");
        block.put("jiyun.sandbox.port", "18089");
        block.put("jiyun.sandbox.order-interval", "20s");
        block.put("jiyun.sandbox.backlog-per-shop", "30");
        block.put("jiyun.sandbox.seed", "20261129");
        block.put("jiyun.sandbox.webhook-callback", "http://localhost:${server.port:8080}");
        SandboxProperties.connectorProperties(0).forEach((key, value) -> block.put(key,
                value.replace("http://localhost:0", "http://localhost:${jiyun.sandbox.port}")));
        return block;
    }

    private static Set<InMemoryIntake.Key> held(PlatformSandbox sandbox) {
        List<InMemoryIntake.Key> keys = new ArrayList<>();
        for (SandboxCatalogue.Shop shop : SandboxTestbed.CATALOGUE.shops()) {
            sandbox.orders(shop.platform(), shop.shopId())
                    .forEach(o -> keys.add(new InMemoryIntake.Key(o.platform(), o.shopId(), o.orderId())));
        }
        return Set.copyOf(keys);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("orders from all three platforms within a minute").isBefore(giveUp);
            Thread.sleep(200);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
