package cn.jiyun.fulfillment.benchmark;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static cn.jiyun.fulfillment.support.PlatformOrders.order;

/**
 * The store's share of ingestion: canonical orders straight into {@link OrderIntake}, no platform
 * and no HTTP, one thread; once order by order ({@code receive}) and once a page of 100 at a time
 * ({@code receiveAll}, as the connectors deliver). Prints orders per second; asserts nothing about
 * speed. Run on each store by {@link H2gisIntakeOnlyBenchmark} and {@link PostgisIntakeOnlyBenchmark}.
 */
@Tag("benchmark")
abstract class IntakeOnlyBenchmark {

    private static final int PAGE = 100;
    private static final int WARM_UP = 500;

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderIntake intake;

    abstract String store();

    @Test
    void receivesOrdersOneByOneAndByThePage() {
        int count = Integer.getInteger("bench.orders", 3_000);
        measure("one-by-one", count, orders -> orders.forEach(intake::receive));
        measure("pages-of-" + PAGE, count, orders -> {
            for (int i = 0; i < orders.size(); i += PAGE) {
                intake.receiveAll(orders.subList(i, Math.min(i + PAGE, orders.size())));
            }
        });
    }

    private void measure(String how, int count, Consumer<List<CanonicalOrder>> receiver) {
        // the first round still pays for the JIT compiling the intake path; the later ones show the steady state
        int rounds = Integer.getInteger("bench.rounds", 2);
        for (int round = 1; round <= rounds; round++) {
            measure(how, round, count, receiver);
        }
    }

    private void measure(String how, int round, int count, Consumer<List<CanonicalOrder>> receiver) {
        Cooperative coop = fixtures.cooperative();
        Producer producer = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        String sku = fixtures.sku(coop, shop, producer, 650);
        List<CanonicalOrder> orders = new ArrayList<>();
        Instant t0 = Instant.now();
        for (int i = 0; i < count + WARM_UP; i++) {
            orders.add(order(shop, "69" + (1_000_000_000L + i), sku, PlatformOrderStatus.PAID, t0));
        }
        receiver.accept(orders.subList(0, WARM_UP));
        long started = System.nanoTime();
        JvmCpu cpuStarted = JvmCpu.now();
        receiver.accept(orders.subList(WARM_UP, orders.size()));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nINTAKE-ONLY store=%s intake=%s round=%d orders=%d seconds=%.2f orders_per_second=%.0f"
                        + " %s load_average=%.1f%n%n", store(), how, round, count, seconds,
                count / seconds, JvmCpu.now().perOrder(cpuStarted, count),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
