package cn.jiyun.fulfillment.benchmark;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.jiyun.fulfillment.support.PlatformOrders.order;

/**
 * The store's share of ingestion: canonical orders straight into {@link OrderIntake}, no platform
 * and no HTTP, one thread. Prints orders per second; asserts nothing about speed.
 */
@Tag("benchmark")
@H2gisTest
class IntakeOnlyBenchmark {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderIntake intake;

    @Test
    void receivesOrdersOneByOne() {
        int count = Integer.getInteger("bench.orders", 3_000);
        Cooperative coop = fixtures.cooperative();
        Producer producer = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        String sku = fixtures.sku(coop, shop, producer, 650);
        List<CanonicalOrder> orders = new ArrayList<>();
        Instant t0 = Instant.now();
        for (int i = 0; i < count + 500; i++) {
            orders.add(order(shop, "69" + (1_000_000_000L + i), sku, PlatformOrderStatus.PAID, t0));
        }
        orders.subList(0, 500).forEach(intake::receive); // warm-up
        long started = System.nanoTime();
        orders.subList(500, orders.size()).forEach(intake::receive);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nINTAKE-ONLY store=h2 orders=%d seconds=%.2f orders_per_second=%.0f%n%n", count, seconds,
                count / seconds);
    }
}
