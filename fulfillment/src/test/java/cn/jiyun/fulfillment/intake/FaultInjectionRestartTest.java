package cn.jiyun.fulfillment.intake;

import cn.jiyun.fulfillment.JiyunApplication;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.ShopService.MappingDetails;
import cn.jiyun.fulfillment.support.FaultyProxy;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import cn.jiyun.integrations.sandbox.SandboxCatalogue;
import cn.jiyun.integrations.sandbox.SandboxOrder;
import cn.jiyun.integrations.sandbox.SandboxProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never lose an order: three platforms serve their orders through an unreliable network (random
 * 5xx, throttling, stalls past the read timeout, truncated bodies), the service is stopped in the
 * middle of synchronising and started again on the same store, orders are cancelled meanwhile —
 * and in the end the store holds exactly the platforms' orders, each once, with the latest status.
 */
class FaultInjectionRestartTest {

    private static final int ORDERS_PER_SHOP = 60;
    private static final List<String> SKUS = List.of("F-SKU-1", "F-SKU-2", "F-SKU-3");

    private final String dataDir = "./target/test-data/fault-" + UUID.randomUUID();
    private final List<SandboxCatalogue.Shop> shops = List.of(
            shop(Platform.DOUYIN, "81000001"), shop(Platform.KUAISHOU, "8100002"), shop(Platform.WECHAT, "wx_fault_01"));
    private PlatformSandbox platforms;
    private FaultyProxy network;

    private static SandboxCatalogue.Shop shop(Platform platform, String shopId) {
        return new SandboxCatalogue.Shop(platform, shopId, "t-" + shopId + "-access", "t-" + shopId + "-refresh",
                SKUS.stream().map(sku -> new SandboxCatalogue.Sku(sku, "盐池滩羊 " + sku, 9_900)).toList());
    }

    @BeforeEach
    void unreliablePlatforms() throws Exception {
        platforms = new PlatformSandbox(SandboxProperties.forTests(7, ORDERS_PER_SHOP));
        platforms.start(new SandboxCatalogue(shops));
        network = new FaultyProxy(URI.create("http://localhost:" + platforms.port()), 11, 0.3, 1_500);
    }

    @AfterEach
    void close() {
        network.close();
        platforms.stop();
    }

    private ConfigurableApplicationContext startService() {
        Map<String, Object> properties = new LinkedHashMap<>(
                SandboxProperties.connectorProperties(network.port()));
        properties.put("jiyun.data-dir", dataDir);
        properties.put("jiyun.demo.enabled", "false");
        properties.put("server.port", "0");
        for (String platform : List.of("douyin", "kuaishou", "wechat")) {
            String prefix = "jiyun.platforms." + platform + ".";
            properties.put(prefix + "poll-interval", "1s");
            properties.put(prefix + "read-timeout", "1s");
            properties.put(prefix + "retry.initial-backoff", "50ms");
            properties.put(prefix + "retry.max-backoff", "200ms");
        }
        properties.put("jiyun.platforms.douyin.redelivery.max-redeliveries", "0");
        // as command-line arguments, so they win over application.yaml, as an operator's would
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(JiyunApplication.class).profiles("test").run(args);
    }

    private static long ordersStored(ConfigurableApplicationContext service) {
        return service.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
    }

    private static void awaitUntil(Supplier<Boolean> condition, Duration limit) throws InterruptedException {
        Instant giveUp = Instant.now().plus(limit);
        while (!condition.get() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
    }

    @Test
    void storesEveryOrderOnceWithItsLatestStatusThroughFaultsAndARestart() throws Exception {
        ConfigurableApplicationContext first = startService();
        Fixtures fixtures = first.getBean(Fixtures.class);
        ShopService shopService = first.getBean(ShopService.class);
        Cooperative coop = fixtures.cooperative();
        Producer producer = fixtures.producer(coop, "滩羊场", 107.40, 37.78);
        for (SandboxCatalogue.Shop s : shops) {
            Shop shop = shopService.register(coop.id(), s.platform(), s.shopId(), "故障测试店", null,
                    new ShopService.Grant(s.accessToken(), s.refreshToken(), null));
            for (String sku : SKUS) {
                shopService.map(coop.id(), shop.id(), new MappingDetails(sku, producer.id(), "盐池滩羊", 2_600, 5_000, true));
            }
        }
        long total = (long) ORDERS_PER_SHOP * shops.size();
        awaitUntil(() -> ordersStored(first) >= total / 4, Duration.ofSeconds(60));
        long beforeRestart = ordersStored(first);
        first.close();

        // while the service is down, buyers cancel some orders that are already stored
        List<SandboxOrder> cancelled = new ArrayList<>();
        for (SandboxCatalogue.Shop s : shops) {
            platforms.orders(s.platform(), s.shopId()).stream()
                    .filter(o -> o.state() == SandboxOrder.State.PAID).limit(3)
                    .forEach(o -> platforms.cancel(s.platform(), s.shopId(), o.orderId()).ifPresent(cancelled::add));
        }

        try (ConfigurableApplicationContext second = startService()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Supplier<Map<String, String>> stored = () -> {
                Map<String, String> statuses = new HashMap<>();
                jdbc.sql("SELECT platform, platform_order_id, status FROM orders").query((rs, i) -> statuses.put(
                        rs.getString(1) + "/" + rs.getString(2), rs.getString(3))).list();
                return statuses;
            };
            Map<String, String> truth = new HashMap<>();
            for (SandboxCatalogue.Shop s : shops) {
                platforms.orders(s.platform(), s.shopId()).forEach(o -> truth.put(s.platform() + "/" + o.orderId(),
                        o.state() == SandboxOrder.State.CANCELLED ? "CANCELLED" : "AWAITING_PICKUP"));
            }
            awaitUntil(() -> stored.get().equals(truth), Duration.ofSeconds(120));

            assertThat(beforeRestart).as("the restart came in the middle of synchronising").isLessThan(total);
            assertThat(network.faults()).as("faults injected").isGreaterThan(20);
            assertThat(cancelled).hasSize(9);
            assertThat(truth).hasSize((int) total);
            assertThat(stored.get()).isEqualTo(truth);
            assertThat(ordersStored(second)).as("each order stored once").isEqualTo(total);
            LoggerFactory.getLogger(FaultInjectionRestartTest.class).info(
                    "{} orders stored once each; {} stored before the restart; {} faults injected in {} calls",
                    total, beforeRestart, network.faults(), network.faults() + network.forwarded());
        }
    }
}
