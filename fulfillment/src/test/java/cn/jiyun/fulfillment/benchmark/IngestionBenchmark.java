package cn.jiyun.fulfillment.benchmark;

import cn.jiyun.fulfillment.JiyunApplication;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.ShopService.MappingDetails;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import cn.jiyun.integrations.sandbox.SandboxCatalogue;
import cn.jiyun.integrations.sandbox.SandboxProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ingestion throughput, platform to store: the sandbox serves every shop's backlog, the shops are
 * registered, and the clock runs until the store holds every order. Prints orders per second; it
 * asserts nothing about speed. Run it with {@code scripts/bench-ingestion.sh} (store h2 or postgis,
 * orders per shop as system properties {@code bench.store}, {@code bench.orders}).
 */
@Tag("benchmark")
class IngestionBenchmark {

    private static final List<String> SKUS = List.of("B-SKU-1", "B-SKU-2", "B-SKU-3", "B-SKU-4");

    @Test
    void ingestsEveryBacklogOrder() throws Exception {
        String store = System.getProperty("bench.store", "h2");
        int perShop = Integer.getInteger("bench.orders", 3_000);
        List<Platform> platforms = java.util.Arrays.stream(System.getProperty("bench.platforms",
                "DOUYIN,KUAISHOU,WECHAT").split(",")).map(String::strip).map(Platform::valueOf).toList();
        int rounds = Integer.getInteger("bench.rounds", 2);
        // each round ingests the backlogs of its own shops in the same JVM: the first round pays for the JIT
        // compiling the intake path, the later ones show the steady state
        List<List<SandboxCatalogue.Shop>> shopsByRound = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            shopsByRound.add(platforms.stream().map(p -> switch (p) {
                case DOUYIN -> shop(p, "9100000" + r);
                case KUAISHOU -> shop(p, "910000" + r);
                case WECHAT -> shop(p, "wx_bench_0" + r);
                case SPREADSHEET -> throw new IllegalArgumentException("spreadsheets have no platform to poll");
            }).toList());
        }
        List<SandboxCatalogue.Shop> allShops = shopsByRound.stream().flatMap(List::stream).toList();
        try (PlatformSandbox sandbox = new PlatformSandbox(SandboxProperties.forTests(3, perShop))) {
            sandbox.start(new SandboxCatalogue(allShops));
            Map<String, Object> properties = new LinkedHashMap<>(SandboxProperties.connectorProperties(sandbox.port()));
            properties.put("jiyun.demo.enabled", "false");
            properties.put("server.port", "0");
            properties.put("jiyun.platforms.douyin.poll-interval", "1h");
            properties.put("jiyun.platforms.kuaishou.poll-interval", "1h");
            properties.put("jiyun.platforms.wechat.poll-interval", "1h");
            properties.put("logging.level.cn.jiyun", "WARN");
            // the planner's start-up solve (5 s on two threads, and the JIT compiling the solver) ran beside the
            // measured intake and was a tenth of its profile: it is start-up work, not work per order
            properties.put("jiyun.planning.warm-up", "false");
            List<String> profiles = new ArrayList<>(List.of("test"));
            if (store.equals("postgis")) {
                profiles.add("postgis");
                properties.put("spring.datasource.url", System.getenv().getOrDefault("JIYUN_TEST_DB_URL",
                        "jdbc:postgresql://localhost:5432/jiyun_test"));
                properties.put("spring.datasource.username", System.getenv().getOrDefault("JIYUN_TEST_DB_USER", "jiyun"));
                properties.put("spring.datasource.password",
                        System.getenv().getOrDefault("JIYUN_TEST_DB_PASSWORD", "jiyun"));
                properties.put("jiyun.secrets.token-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
            } else {
                properties.put("jiyun.data-dir", "./target/test-data/bench-" + UUID.randomUUID());
            }
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(JiyunApplication.class)
                    .profiles(profiles.toArray(String[]::new)).run(args)) {
                JdbcClient jdbc = service.getBean(JdbcClient.class);
                Fixtures fixtures = service.getBean(Fixtures.class);
                ShopService shopService = service.getBean(ShopService.class);
                Cooperative coop = fixtures.cooperative();
                Producer producer = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
                for (int round = 1; round <= rounds; round++) {
                    ingestRound(round, shopsByRound.get(round - 1), jdbc, shopService, coop, producer, store,
                            platforms, perShop);
                }
            }
        }
    }

    private static void ingestRound(int round, List<SandboxCatalogue.Shop> shops, JdbcClient jdbc,
            ShopService shopService, Cooperative coop, Producer producer, String store, List<Platform> platforms,
            int perShop) throws InterruptedException {
        long before = count(jdbc);
        long lastIdBefore = lastId(jdbc);
        long expected = before + (long) perShop * shops.size();
        long started = System.nanoTime();
        JvmCpu cpuStarted = JvmCpu.now();
        for (SandboxCatalogue.Shop s : shops) {
            // unique per run, so PostGIS runs do not meet an earlier run's shops
            Shop shop = shopService.register(coop.id(), s.platform(), s.shopId(), "基准测试店", null,
                    new ShopService.Grant(s.accessToken(), s.refreshToken(), null));
            for (String sku : SKUS) {
                shopService.map(coop.id(), shop.id(), new MappingDetails(sku, producer.id(), "枸杞", 650, 2_000,
                        false));
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        // COUNT(*) under H2's MVCC walks the open transactions' changes: polled every 100 ms it was 8% of this
        // JVM's samples in a round (JFR). The highest id is read off the index; every new order takes a higher
        // id than the round's first, so the count is only asked for once there are ids enough for the round.
        long newOrders = (long) perShop * shops.size();
        while (System.nanoTime() < deadline
                && (lastId(jdbc) - lastIdBefore < newOrders || count(jdbc) < expected)) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        JvmCpu cpu = JvmCpu.now();
        long stored = count(jdbc) - before;
        // the machine is shared: CPU time of this JVM (sandbox, connectors, intake; not the PostgreSQL
        // server) per order tells more than the clock when others are busy
        System.out.printf("%nINGESTION store=%s platforms=%s round=%d orders=%d seconds=%.1f orders_per_second=%.0f"
                        + " jvm_cpu_seconds=%.1f %s load_average=%.1f%n%n",
                store, platforms, round, stored, seconds, stored / seconds, cpu.totalSince(cpuStarted) / 1e9,
                cpu.perOrder(cpuStarted, stored),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static SandboxCatalogue.Shop shop(Platform platform, String shopId) {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String id = platform == Platform.KUAISHOU ? shopId + suffix : shopId + "_" + suffix;
        return new SandboxCatalogue.Shop(platform, id, "b-" + id + "-access", "b-" + id + "-refresh",
                SKUS.stream().map(sku -> new SandboxCatalogue.Sku(sku, "中宁枸杞 " + sku, 6_800)).toList());
    }



    private static long lastId(JdbcClient jdbc) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM orders").query(Long.class).single();
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
    }
}
