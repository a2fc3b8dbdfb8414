package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderTimeline;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Orders;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.fulfillment.orders.OrderTimeline.Step;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of an order's timeline follow its history, including the steps back. */
@H2gisTest
class OrderTimelinesTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orderService;
    @Autowired
    Orders orders;
    @Autowired
    OrderTimelines timelines;
    @Autowired
    TransactionTemplate tx;

    Cooperative coop;
    Order order;

    @BeforeEach
    void aPaidOrder() {
        coop = fixtures.cooperative();
        Producer producer = fixtures.producer(coop, "马家枸杞园", 105.70, 37.50);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        order = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 1);
    }

    @Test
    void showsTheStepsDoneThenTheStepsToCome() {
        OrderTimeline timeline = timeline();

        assertThat(timeline.steps()).extracting(Step::status).containsExactly(OrderStatus.RECEIVED,
                OrderStatus.AWAITING_PICKUP, OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB,
                OrderStatus.HANDED_TO_CARRIER, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED);
        assertThat(timeline.steps()).extracting(Step::done)
                .containsExactly(true, true, false, false, false, false, false, false);
        assertThat(timeline.steps()).extracting(Step::current)
                .containsExactly(false, true, false, false, false, false, false, false);
        // no approved plan moved it: a PLANNED set by hand has no pickup time to show
        move(OrderStatus.PLANNED);
        assertThat(timeline().steps().get(2).pickups()).isEmpty();
    }

    @Test
    void aWithdrawnPlanIsNoLongerAStepDone() {
        move(OrderStatus.PLANNED);
        move(OrderStatus.AWAITING_PICKUP);

        OrderTimeline timeline = timeline();

        assertThat(timeline.status()).isEqualTo(OrderStatus.AWAITING_PICKUP);
        assertThat(timeline.steps()).extracting(Step::done)
                .containsExactly(true, true, false, false, false, false, false, false);
        assertThat(timeline.steps().get(1).current()).isTrue();
    }

    @Test
    void aCancelledOrderEndsWithTheCancellationAndNoStepsToCome() {
        move(OrderStatus.CANCELLED);

        OrderTimeline timeline = timeline();

        assertThat(timeline.steps()).extracting(Step::status).containsExactly(OrderStatus.RECEIVED,
                OrderStatus.AWAITING_PICKUP, OrderStatus.CANCELLED);
        assertThat(timeline.steps()).allMatch(Step::done);
        assertThat(timeline.steps().get(2).current()).isTrue();
    }

    @Test
    void aPersonsAttentionIsNotAStep() {
        move(OrderStatus.NEEDS_ATTENTION);

        assertThat(timeline().steps()).extracting(Step::status).doesNotContain(OrderStatus.NEEDS_ATTENTION);
        assertThat(timeline().status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
    }

    @Test
    void aStepTheCarrierWentPastInOneMoveIsShownDoneNotStillToCome() {
        move(OrderStatus.PLANNED);
        move(OrderStatus.PICKED_UP);
        move(OrderStatus.AT_HUB);
        orderService.changeStatus(coop.id(), order.id(), OrderStatus.HANDED_TO_CARRIER, null, Carrier.ZTO,
                "78310000000001", "test");
        // the first push already said "signed for"
        assertThat(orderService.carrierMoved(order.id(), OrderStatus.DELIVERED, java.time.Instant.now(), "签收",
                "KUAIDI100")).isTrue();

        OrderTimeline timeline = timeline();

        assertThat(timeline.steps()).extracting(Step::done).containsOnly(true);
        assertThat(timeline.steps().get(6).status()).isEqualTo(OrderStatus.IN_TRANSIT);
        assertThat(timeline.steps().get(6).at()).isEqualTo(timeline.steps().get(7).at());
        assertThat(timeline.steps()).extracting(Step::current)
                .containsExactly(false, false, false, false, false, false, false, true);
    }

    private void move(OrderStatus next) {
        orderService.changeStatus(coop.id(), order.id(), next, "test step", null, null, "test");
    }

    private OrderTimeline timeline() {
        return tx.execute(s -> timelines.of(orders.findById(order.id()).orElseThrow()));
    }
}
