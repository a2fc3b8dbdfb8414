package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStatusTest {

    private final Instant now = Instant.parse("2026-11-29T02:00:00Z");

    private Order newOrder() {
        return new Order(1L, 1L, Platform.DOUYIN, "6921000000000000001", "广东省", "深圳市", now, now, null, 6_800,
                now, now, "test");
    }

    @Test
    void followsTheHappyPathFromReceivedToHandedToCarrierRecordingEachStep() {
        Order order = newOrder();
        order.moveTo(OrderStatus.AWAITING_PICKUP, now, "", "test");
        order.moveTo(OrderStatus.PLANNED, now, "", "test");
        order.moveTo(OrderStatus.PICKED_UP, now, "", "courier-1");
        order.moveTo(OrderStatus.AT_HUB, now, "", "courier-1");
        order.handToCarrier(Carrier.ZTO, "78312345678901", now, "hub");

        assertThat(order.status()).isEqualTo(OrderStatus.HANDED_TO_CARRIER);
        assertThat(order.carrier()).isEqualTo(Carrier.ZTO);
        assertThat(order.waybillNumber()).isEqualTo("78312345678901");
        assertThat(order.events()).extracting(TrackingEvent::status).containsExactly(OrderStatus.RECEIVED,
                OrderStatus.AWAITING_PICKUP, OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB,
                OrderStatus.HANDED_TO_CARRIER);
    }

    @Test
    void refusesToSkipPickupAndSaysWhatCouldFollow() {
        Order order = newOrder();
        order.moveTo(OrderStatus.AWAITING_PICKUP, now, "", "test");

        assertThatThrownBy(() -> order.moveTo(OrderStatus.AT_HUB, now, "", "test"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot go from AWAITING_PICKUP to AT_HUB")
                .hasMessageContaining("it can go to PLANNED, CANCELLED, NEEDS_ATTENTION");
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PICKUP);
        assertThat(order.events()).hasSize(2);
    }

    @Test
    void refusesToCancelOnceTheGoodsArePickedUp() {
        Order order = newOrder();
        order.moveTo(OrderStatus.AWAITING_PICKUP, now, "", "test");
        order.moveTo(OrderStatus.PLANNED, now, "", "test");
        order.moveTo(OrderStatus.PICKED_UP, now, "", "test");

        assertThatThrownBy(() -> order.moveTo(OrderStatus.CANCELLED, now, "", "test"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void keepsFinalStatusesFinal() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.isFinal()).isEqualTo(
                    status == OrderStatus.CANCELLED || status == OrderStatus.DELIVERED);
        }
        Order order = newOrder();
        order.moveTo(OrderStatus.CANCELLED, now, "buyer cancelled", "test");
        assertThatThrownBy(() -> order.moveTo(OrderStatus.AWAITING_PICKUP, now, "", "test"))
                .hasMessageContaining("CANCELLED is final");
    }

    @Test
    void needsAReasonToNeedAttentionAndClearsItWhenResolved() {
        Order order = newOrder();
        assertThatThrownBy(() -> order.needsAttention(" ", now, "test")).isInstanceOf(IllegalArgumentException.class);

        order.needsAttention("no producer mapped for SKU 123", now, "test");
        assertThat(order.attentionReason()).isEqualTo("no producer mapped for SKU 123");

        order.moveTo(OrderStatus.AWAITING_PICKUP, now, "mapped", "coop-admin");
        assertThat(order.attentionReason()).isNull();
    }

    @Test
    void goesOnFromTheCarrierToTheBuyerOrBackAndNoFurtherOnceDelivered() {
        Order order = handedOver();
        order.moveTo(OrderStatus.IN_TRANSIT, now, "collected", "tracking");
        order.moveTo(OrderStatus.DELIVERED, now, "signed for", "tracking");

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThatThrownBy(() -> order.moveTo(OrderStatus.RETURNED, now, "", "tracking"))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("DELIVERED is final");

        Order sentBack = handedOver();
        sentBack.moveTo(OrderStatus.IN_TRANSIT, now, "", "tracking");
        sentBack.moveTo(OrderStatus.RETURNED, now, "address unknown", "tracking");
        sentBack.needsAttention("the carrier is sending the parcel back: address unknown", now, "tracking");
        assertThat(sentBack.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
        assertThatThrownBy(() -> sentBack.moveTo(OrderStatus.PLANNED, now, "", "test"))
                .isInstanceOf(IllegalTransitionException.class);
        // a person settles it once the goods are back
        sentBack.moveTo(OrderStatus.RETURNED, now, "goods back at the cooperative", "coop-admin");
        assertThat(sentBack.attentionReason()).isNull();
    }

    @Test
    void neverInTransitWithoutAWaybill() {
        Order order = newOrder();
        order.needsAttention("no producer mapped for SKU 123", now, "test");

        assertThatThrownBy(() -> order.moveTo(OrderStatus.IN_TRANSIT, now, "", "test"))
                .hasMessageContaining("never handed to a carrier");
        assertThat(order.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
    }

    private Order handedOver() {
        Order order = newOrder();
        order.moveTo(OrderStatus.AWAITING_PICKUP, now, "", "test");
        order.moveTo(OrderStatus.PLANNED, now, "", "test");
        order.moveTo(OrderStatus.PICKED_UP, now, "", "test");
        order.moveTo(OrderStatus.AT_HUB, now, "", "test");
        order.handToCarrier(Carrier.ZTO, "78312345678901", now, "hub");
        return order;
    }

    @Test
    void needsCarrierAndWaybillToHandOver() {
        Order order = newOrder();
        assertThatThrownBy(() -> order.moveTo(OrderStatus.HANDED_TO_CARRIER, now, "", "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.handToCarrier(Carrier.SF, "", now, "test"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
