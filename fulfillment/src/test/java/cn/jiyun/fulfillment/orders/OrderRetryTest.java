package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retrying an order that needs attention makes its parcels again, but only where that cannot do harm. */
@H2gisTest
class OrderRetryTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orders;
    @Autowired
    OrderIntake intake;
    @Autowired
    JdbcClient jdbc;

    /** A paid Douyin order of one jar from one producer, parcels made. */
    private Order paidOrder(Cooperative coop) {
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Producer producer = fixtures.producer(coop, "枸杞园", 105.6, 37.45);
        return fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 1);
    }

    @Test
    void refusesToRetryAnOrderThePlatformShippedWithoutUs() {
        Cooperative coop = fixtures.cooperative();
        Order order = paidOrder(coop);
        CanonicalOrder paid = asStored(order);
        intake.receive(new CanonicalOrder(paid.platform(), paid.shopId(), paid.platformOrderId(),
                PlatformOrderStatus.SHIPPED, paid.createdAt(), paid.paidAt(), Instant.now(), paid.shipBy(),
                paid.lines(), paid.totalAmountFen(), paid.buyerProvince(), paid.buyerCity(), ""));
        assertThat(status(order)).isEqualTo("NEEDS_ATTENTION");
        List<String> codes = codes(order);

        assertThatThrownBy(() -> orders.retry(coop.id(), order.id(), "test"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("SHIPPED on DOUYIN");
        assertThat(status(order)).isEqualTo("NEEDS_ATTENTION");
        assertThat(codes(order)).isEqualTo(codes);
    }

    @Test
    void refusesToRetryAnOrderWhoseParcelsWereCollected() {
        Cooperative coop = fixtures.cooperative();
        Order order = paidOrder(coop);
        orders.changeStatus(coop.id(), order.id(), OrderStatus.PLANNED, "planned", null, null, "test");
        orders.changeStatus(coop.id(), order.id(), OrderStatus.PICKED_UP, "collected", null, null, "test");
        orders.changeStatus(coop.id(), order.id(), OrderStatus.NEEDS_ATTENTION, "one jar broke", null, null, "test");
        List<String> codes = codes(order);

        assertThatThrownBy(() -> orders.retry(coop.id(), order.id(), "test"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("collected already");
        assertThat(codes(order)).isEqualTo(codes);
    }

    private CanonicalOrder asStored(Order order) {
        return jdbc.sql("""
                        SELECT o.platform_order_id, s.platform_shop_id, o.placed_at, o.paid_at, o.ship_by, o.amount_fen,
                               l.platform_sku, l.title, l.quantity, l.amount_fen AS line_fen
                        FROM orders o JOIN shop s ON s.id = o.shop_id JOIN order_line l ON l.order_id = o.id
                        WHERE o.id = ?""").param(order.id())
                .query((rs, i) -> new CanonicalOrder(Platform.DOUYIN, rs.getString(2), rs.getString(1),
                        PlatformOrderStatus.PAID, rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), Instant.now(),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant(),
                        List.of(new cn.jiyun.integrations.OrderLine(rs.getString(7), rs.getString(8), rs.getInt(9),
                                rs.getLong(10))), rs.getLong(6), "广东省", "深圳市", ""))
                .single();
    }

    private String status(Order order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(order.id()).query(String.class).single();
    }

    private List<String> codes(Order order) {
        return jdbc.sql("SELECT code FROM parcel WHERE order_id = ? ORDER BY code").param(order.id())
                .query(String.class).list();
    }
}
