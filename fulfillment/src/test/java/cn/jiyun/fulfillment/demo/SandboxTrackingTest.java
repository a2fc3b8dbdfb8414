package cn.jiyun.fulfillment.demo;

import cn.jiyun.fulfillment.support.FreePorts;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.integrations.Carrier;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's journey after the hub: a handed-over demo parcel is subscribed at the sandbox's Kuaidi100, whose
 * signed pushes, one scan a second here (a minute in the demo), take it to delivered; a waybill ending in 7 stops
 * with a problem and waits in the attention list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/sandbox-tracking-${random.uuid}",
        "jiyun.sandbox.order-interval=0s",
        "jiyun.sandbox.webhook-callback=",
        "jiyun.sandbox.tracking-step=1s",
        "jiyun.tracking.interval=1s",
        "jiyun.planning.warm-up=false"})
class SandboxTrackingTest {

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        FreePorts.sandboxAndServer(registry);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderService orders;
    @Autowired
    PlatformSandbox sandbox;

    @Test
    void movesAHandedOverDemoParcelToDeliveredInSeconds() throws Exception {
        List<Long> demo = jdbc.sql("SELECT id FROM orders WHERE status = 'AWAITING_PICKUP' ORDER BY id FETCH FIRST 2 ROWS ONLY")
                .query(Long.class).list();
        Long cooperative = jdbc.sql("SELECT cooperative_id FROM orders WHERE id = ?").param(demo.get(0))
                .query(Long.class).single();
        handOver(cooperative, demo.get(0), "78310000000001");
        handOver(cooperative, demo.get(1), "78310000000007");
        Instant handedOver = Instant.now();

        awaitUntil(() -> "DELIVERED".equals(status(demo.get(0))) && "NEEDS_ATTENTION".equals(status(demo.get(1))));

        assertThat(status(demo.get(0))).isEqualTo("DELIVERED");
        assertThat(Duration.between(handedOver, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(jdbc.sql("SELECT stage FROM parcel_scan WHERE order_id = ? ORDER BY scanned_at, id")
                .param(demo.get(0)).query(String.class).list())
                .containsExactly("COLLECTED", "IN_TRANSIT", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(jdbc.sql("SELECT description FROM parcel_scan WHERE order_id = ?").param(demo.get(0))
                .query(String.class).list()).allSatisfy(text -> assertThat(text).doesNotContainPattern("\\d{7,}"));
        assertThat(sandbox.trackingPushes()).filteredOn(p -> p.waybillNumber().equals("78310000000001"))
                .hasSize(5).allMatch(p -> p.status() == 200);

        assertThat(status(demo.get(1))).isEqualTo("NEEDS_ATTENTION");
        assertThat(jdbc.sql("SELECT attention_reason FROM orders WHERE id = ?").param(demo.get(1))
                .query(String.class).single()).startsWith("the carrier reports a problem with the parcel: ");
    }

    private void handOver(Long cooperative, Long orderId, String waybill) {
        for (OrderStatus step : List.of(OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB)) {
            orders.changeStatus(cooperative, orderId, step, null, null, null, "test");
        }
        orders.changeStatus(cooperative, orderId, OrderStatus.HANDED_TO_CARRIER, null, Carrier.ZTO, waybill, "test");
    }

    private String status(Long orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(orderId).query(String.class).single();
    }

    private static void awaitUntil(Supplier<Boolean> condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.get() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
        }
    }
}
