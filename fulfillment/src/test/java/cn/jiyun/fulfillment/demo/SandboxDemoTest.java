package cn.jiyun.fulfillment.demo;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start command's demo: on the sandbox profile, orders arrive from all three sandboxed
 * platforms through the real connectors, correctly signed, and keep arriving.
 */
@SpringBootTest
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/sandbox-${random.uuid}",
        "jiyun.sandbox.order-interval=1s",
        "jiyun.sandbox.webhook-callback=",
        "jiyun.platforms.douyin.poll-interval=1s",
        "jiyun.platforms.kuaishou.poll-interval=1s",
        "jiyun.platforms.wechat.poll-interval=1s"})
class SandboxDemoTest {

    @DynamicPropertySource
    static void freePort(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            registry.add("jiyun.sandbox.port", () -> port);
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformSandbox sandbox;

    private Map<String, Long> platformOrdersByPlatform() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT platform, COUNT(*) AS n FROM orders WHERE raw_payload IS NOT NULL AND raw_payload <> '' "
                        + "GROUP BY platform")
                .query((rs, i) -> counts.put(rs.getString("platform"), rs.getLong("n"))).list();
        return counts;
    }

    /** Waits (bounded) for the pollers; this asserts what arrives, not how fast. */
    private static void awaitUntil(Supplier<Boolean> condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.get() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
        }
    }

    @Test
    void ordersFlowInFromAllThreeSandboxedPlatforms() throws Exception {
        awaitUntil(() -> {
            Map<String, Long> n = platformOrdersByPlatform();
            return n.getOrDefault("DOUYIN", 0L) >= 60 && n.getOrDefault("KUAISHOU", 0L) >= 30
                    && n.getOrDefault("WECHAT", 0L) >= 30;
        });
        Map<String, Long> backlog = platformOrdersByPlatform();
        assertThat(backlog.get("DOUYIN")).isGreaterThanOrEqualTo(60);
        assertThat(backlog.get("KUAISHOU")).isGreaterThanOrEqualTo(30);
        assertThat(backlog.get("WECHAT")).isGreaterThanOrEqualTo(30);

        long before = backlog.values().stream().mapToLong(Long::longValue).sum();
        awaitUntil(() -> platformOrdersByPlatform().values().stream().mapToLong(Long::longValue).sum() > before);
        assertThat(platformOrdersByPlatform().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(before);

        // every sandbox order maps to a demo producer, and nothing was refused on the way
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dead_letter").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE raw_payload <> '' AND status = 'NEEDS_ATTENTION'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop WHERE authorisation <> 'ACTIVE'").query(Long.class).single())
                .isZero();

        // the demo loader's own orders exist on their platforms too, so their waybills can be written back
        var demoPlaced = jdbc.sql("""
                        SELECT o.platform, s.platform_shop_id, o.platform_order_id FROM orders o
                        JOIN shop s ON s.id = o.shop_id WHERE o.platform_order_id LIKE '6906921%' ORDER BY o.id""")
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(demoPlaced).hasSizeGreaterThan(100);
        assertThat(demoPlaced).allSatisfy(o -> assertThat(
                sandbox.order(Platform.valueOf(o.get(0)), o.get(1), o.get(2))).isPresent());
    }
}
