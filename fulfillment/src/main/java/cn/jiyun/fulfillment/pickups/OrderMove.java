package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.orders.OrderStatus;

/** An order a confirmation or scan moved on, and where it now stands. */
public record OrderMove(Long orderId, String platformOrderId, OrderStatus status) {
}
