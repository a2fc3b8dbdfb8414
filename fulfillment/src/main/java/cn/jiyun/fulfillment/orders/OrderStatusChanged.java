package cn.jiyun.fulfillment.orders;

/** An order moved from one status to another (published inside the transaction that moved it). */
public record OrderStatusChanged(Long cooperativeId, Long orderId, OrderStatus from, OrderStatus to) {
}
