package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderHandedToCarrier;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.integrations.tracking.TrackingAggregator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Queues a handed-over order's waybill for the tracking aggregator in the same transaction that hands it to the
 * carrier, as the write-back does: the subscription is sent once that commits, by whichever instance comes first.
 * Without an aggregator configured nothing is queued.
 */
@Service
@Transactional
public class TrackingSubscriptionQueue {

    private final TrackingSubscriptions subscriptions;
    private final OrderService orders;
    private final ObjectProvider<TrackingAggregator> aggregator;
    private final Clock clock;

    TrackingSubscriptionQueue(TrackingSubscriptions subscriptions, OrderService orders,
                              ObjectProvider<TrackingAggregator> aggregator, Clock clock) {
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.aggregator = aggregator;
        this.clock = clock;
    }

    @EventListener
    void handedToCarrier(OrderHandedToCarrier event) {
        if (aggregator.getIfAvailable() == null) {
            return;
        }
        Order order = orders.byId(event.orderId());
        if (subscriptions.findByOrderId(order.id()).isPresent()) {
            return;
        }
        subscriptions.save(new TrackingSubscription(order.cooperativeId(), order.id(), order.carrier(),
                order.waybillNumber(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public Page<TrackingSubscription> list(Long cooperativeId, TrackingSubscription.Status status, Pageable pageable) {
        return status == null ? subscriptions.findByCooperativeId(cooperativeId, pageable)
                : subscriptions.findByCooperativeIdAndStatus(cooperativeId, status, pageable);
    }

    /** Sends a failed subscription again at the next round. */
    public TrackingSubscription retry(Long cooperativeId, Long id) {
        TrackingSubscription subscription = subscriptions.findByIdAndCooperativeId(id, cooperativeId)
                .orElseThrow(() -> new NotFoundException("tracking subscription", id));
        if (subscription.status() != TrackingSubscription.Status.FAILED) {
            throw new ConflictException("tracking subscription " + id + " is " + subscription.status()
                    + "; only FAILED ones are retried");
        }
        subscription.retry(clock.instant());
        return subscription;
    }
}
