package cn.jiyun.fulfillment.store;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.ShopAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.jiyun.fulfillment.support.PlatformOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Intake's promises that rest on the store, on H2GIS and PostGIS alike: once, newest, never lost. */
abstract class IntakeStoreContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderIntake intake;
    @Autowired
    ShopAccounts shopAccounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShopService shops;
    @Autowired
    PlatformTransactionManager transactions;

    Shop shop;
    String sku;
    final Instant t0 = Instant.parse("2026-11-28T02:00:00Z");

    @BeforeEach
    void shopWithAMappedSku() {
        Cooperative coop = fixtures.cooperative();
        fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        Producer producer = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        shop = fixtures.shop(coop, Platform.DOUYIN, null);
        sku = fixtures.sku(coop, shop, producer, 650);
    }

    private String statusOf(String orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE shop_id = :s AND platform_order_id = :o")
                .param("s", shop.id()).param("o", orderId).query(String.class).single();
    }

    private long rowsOf(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE shop_id = :s AND platform_order_id = :o")
                .param("s", shop.id()).param("o", orderId).query(Long.class).single();
    }

    @Test
    void storesAnOrderOnceAndKeepsTheNewestNews() {
        CanonicalOrder paid = order(shop, "6921000000000000101", sku, PlatformOrderStatus.PAID, t0);
        CanonicalOrder cancelled = order(shop, "6921000000000000101", sku, PlatformOrderStatus.CANCELLED,
                t0.plusSeconds(600));

        assertThat(intake.receive(paid)).isEqualTo(IntakeOutcome.CREATED);
        assertThat(intake.receive(paid)).isEqualTo(IntakeOutcome.UNCHANGED);
        assertThat(intake.receive(cancelled)).isEqualTo(IntakeOutcome.UPDATED);
        // the paid message arriving late changes nothing
        assertThat(intake.receive(paid)).isEqualTo(IntakeOutcome.STALE);

        assertThat(rowsOf("6921000000000000101")).isEqualTo(1);
        assertThat(statusOf("6921000000000000101")).isEqualTo(OrderStatus.CANCELLED.name());
        assertThat(jdbc.sql("SELECT raw_payload FROM orders WHERE shop_id = :s").param("s", shop.id())
                .query(String.class).single()).contains("CANCELLED");
    }

    @Test
    void storesOneOrderWhenTheSameNewOrderArrivesConcurrently() throws Exception {
        CanonicalOrder paid = order(shop, "6921000000000000102", sku, PlatformOrderStatus.PAID, t0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<IntakeOutcome>> deliveries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deliveries.add(() -> intake.receive(paid));
            }
            List<IntakeOutcome> outcomes = new ArrayList<>();
            for (Future<IntakeOutcome> f : pool.invokeAll(deliveries)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce(IntakeOutcome.CREATED);
            assertThat(outcomes).filteredOn(o -> o != IntakeOutcome.CREATED).containsOnly(IntakeOutcome.UNCHANGED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsOf("6921000000000000102")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM parcel p JOIN orders o ON o.id = p.order_id WHERE o.shop_id = :s")
                .param("s", shop.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void makesParcelsWhenAnUnpaidOrderIsPaid() {
        intake.receive(order(shop, "6921000000000000103", sku, PlatformOrderStatus.AWAITING_PAYMENT, t0));
        assertThat(statusOf("6921000000000000103")).isEqualTo("RECEIVED");

        intake.receive(order(shop, "6921000000000000103", sku, PlatformOrderStatus.PAID, t0.plusSeconds(60)));
        assertThat(statusOf("6921000000000000103")).isEqualTo("AWAITING_PICKUP");
    }

    @Test
    void receivesAPageWithNewKnownOlderAndUnmappableOrdersEachAsAlone() {
        intake.receive(order(shop, "6921000000000000201", sku, PlatformOrderStatus.PAID, t0));
        intake.receive(order(shop, "6921000000000000202", sku, PlatformOrderStatus.PAID, t0.plusSeconds(600)));
        intake.receive(order(shop, "6921000000000000203", sku, PlatformOrderStatus.AWAITING_PAYMENT, t0));
        CanonicalOrder fresh = order(shop, "6921000000000000204", sku, PlatformOrderStatus.PAID, t0);

        List<IntakeOutcome> outcomes = intake.receiveAll(List.of(
                fresh,
                order(shop, "6921000000000000201", sku, PlatformOrderStatus.CANCELLED, t0.plusSeconds(600)),
                order(shop, "6921000000000000202", sku, PlatformOrderStatus.CANCELLED, t0), // older news
                order(shop, "6921000000000000203", sku, PlatformOrderStatus.PAID, t0.plusSeconds(60)),
                order(shop, "6921000000000000205", "SKU-NOBODY-MAKES", PlatformOrderStatus.PAID, t0),
                fresh)); // the same order twice in one page

        assertThat(outcomes).containsExactly(IntakeOutcome.CREATED, IntakeOutcome.UPDATED, IntakeOutcome.STALE,
                IntakeOutcome.UPDATED, IntakeOutcome.NEEDS_ATTENTION, IntakeOutcome.UNCHANGED);
        assertThat(statusOf("6921000000000000204")).isEqualTo("AWAITING_PICKUP");
        assertThat(rowsOf("6921000000000000204")).isEqualTo(1);
        assertThat(statusOf("6921000000000000201")).isEqualTo("CANCELLED");
        assertThat(statusOf("6921000000000000202")).isEqualTo("AWAITING_PICKUP");
        assertThat(statusOf("6921000000000000203")).isEqualTo("AWAITING_PICKUP");
        assertThat(statusOf("6921000000000000205")).isEqualTo("NEEDS_ATTENTION");
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM tracking_event e JOIN orders o ON o.id = e.order_id
                        WHERE o.shop_id = :s AND o.platform_order_id = :o""")
                .param("s", shop.id()).param("o", "6921000000000000204").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void keepsTheRestOfAPageWhenTheStoreRefusesOneOrder() {
        CanonicalOrder good = order(shop, "6921000000000000301", sku, PlatformOrderStatus.PAID, t0);
        CanonicalOrder tooLong = withTitle(order(shop, "6921000000000000302", sku, PlatformOrderStatus.PAID, t0),
                "枸杞".repeat(300)); // the store keeps 400 characters of a title
        CanonicalOrder alsoGood = order(shop, "6921000000000000303", sku, PlatformOrderStatus.PAID, t0);

        List<IntakeOutcome> outcomes = intake.receiveAll(List.of(good, tooLong, alsoGood));

        assertThat(outcomes).containsExactly(IntakeOutcome.CREATED, IntakeOutcome.NEEDS_ATTENTION,
                IntakeOutcome.CREATED);
        assertThat(statusOf("6921000000000000301")).isEqualTo("AWAITING_PICKUP");
        assertThat(statusOf("6921000000000000303")).isEqualTo("AWAITING_PICKUP");
        assertThat(rowsOf("6921000000000000302")).isZero();
        assertThat(jdbc.sql("""
                        SELECT raw_message FROM dead_letter
                        WHERE platform_shop_id = :s AND source = 'intake' AND reason LIKE '%6921000000000000302%'""")
                .param("s", shop.platformShopId()).query(String.class).list())
                .containsExactly(tooLong.rawPayload());
    }

    @Test
    void storesEachOrderOnceWhenTheSamePageArrivesConcurrently() throws Exception {
        List<CanonicalOrder> page = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            page.add(order(shop, "69210000000000004" + (10 + i), sku, PlatformOrderStatus.PAID, t0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<IntakeOutcome> outcomes = new ArrayList<>();
        try {
            List<Callable<List<IntakeOutcome>>> deliveries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                deliveries.add(() -> intake.receiveAll(page));
            }
            for (Future<List<IntakeOutcome>> f : pool.invokeAll(deliveries)) {
                outcomes.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn(o -> o == IntakeOutcome.CREATED).hasSize(20);
        assertThat(outcomes).filteredOn(o -> o != IntakeOutcome.CREATED).containsOnly(IntakeOutcome.UNCHANGED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE shop_id = :s").param("s", shop.id())
                .query(Long.class).single()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM parcel p JOIN orders o ON o.id = p.order_id WHERE o.shop_id = :s")
                .param("s", shop.id()).query(Long.class).single()).isEqualTo(20);
    }

    private static CanonicalOrder withTitle(CanonicalOrder o, String title) {
        List<OrderLine> lines = o.lines().stream()
                .map(l -> new OrderLine(l.platformSku(), title, l.quantity(), l.amountFen())).toList();
        return new CanonicalOrder(o.platform(), o.shopId(), o.platformOrderId(), o.status(), o.createdAt(),
                o.paidAt(), o.updatedAt(), o.shipBy(), lines, o.totalAmountFen(), o.buyerProvince(), o.buyerCity(),
                o.rawPayload());
    }

    @Test
    void keepsAnOrderOfAShopNoCooperativeRegisteredAsADeadLetter() {
        CanonicalOrder o = order(shop, "6921000000000000501", sku, PlatformOrderStatus.PAID, t0);
        String stranger = "unregistered-" + Fixtures.unique();
        CanonicalOrder ofStranger = new CanonicalOrder(o.platform(), stranger, o.platformOrderId(), o.status(),
                o.createdAt(), o.paidAt(), o.updatedAt(), o.shipBy(), o.lines(), o.totalAmountFen(), o.buyerProvince(),
                o.buyerCity(), o.rawPayload());

        assertThat(intake.receive(ofStranger)).isEqualTo(IntakeOutcome.NEEDS_ATTENTION);
        assertThat(intake.receiveAll(List.of(ofStranger))).containsExactly(IntakeOutcome.NEEDS_ATTENTION);

        assertThat(rowsOf("6921000000000000501")).isZero();
        assertThat(jdbc.sql("""
                        SELECT reason FROM dead_letter WHERE platform_shop_id = :s AND source = 'intake'""")
                .param("s", stranger).query(String.class).list())
                .hasSize(2).allSatisfy(reason -> assertThat(reason).contains("which no cooperative has registered"));
    }

    @Test
    void keepsAShopsCursorMovingOnlyForward() {
        shopAccounts.advanceSyncCursor(Platform.DOUYIN, shop.platformShopId(), t0.plusSeconds(3600));
        shopAccounts.advanceSyncCursor(Platform.DOUYIN, shop.platformShopId(), t0);

        assertThat(shopAccounts.find(Platform.DOUYIN, shop.platformShopId()).orElseThrow().syncCursor())
                .isEqualTo(t0.plusSeconds(3600));
    }

    @Test
    void aSyncMovingOnWhileAnAdminChangesTheShopIsNoConflict() {
        // the admin's change read the shop just before the shop's sync stored its progress
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            shops.get(shop.cooperativeId(), shop.id());
            shopAccounts.advanceSyncCursor(Platform.DOUYIN, shop.platformShopId(), t0.plusSeconds(3600));
            shops.update(shop.cooperativeId(), shop.id(), "塞上枸杞抖音店（新名）", null);
        });

        Shop after = shops.get(shop.cooperativeId(), shop.id());
        assertThat(after.name()).isEqualTo("塞上枸杞抖音店（新名）");
        assertThat(after.syncCursor()).as("not written back stale by the admin's change").isEqualTo(t0.plusSeconds(3600));
        assertThat(after.lastSyncedAt()).isNotNull();
    }
}
