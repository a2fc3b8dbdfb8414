package cn.jiyun.fulfillment.orders;

/**
 * Tells an order's way as its timeline. The tracking feature answers (it reads the approved plan for the
 * pickup times), so that the seller's order page shows the timeline without orders depending on tracking.
 */
public interface OrderTimelineSource {

    OrderTimeline of(Order order);
}
