package cn.jiyun.fulfillment.tracking;

import cn.jiyun.integrations.tracking.TrackingAggregator;
import cn.jiyun.integrations.tracking.TrackingException;
import cn.jiyun.integrations.tracking.WaybillSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Sends due subscriptions to the tracking aggregator, as the write-back sender sends waybills: each one is claimed
 * in its own transaction (the row's version makes a second instance lose the claim), sent outside any transaction,
 * and its outcome recorded; a failure is tried again with back-off, then marked failed for a person.
 */
@Component
class TrackingSubscriber {

    private static final Logger log = LoggerFactory.getLogger(TrackingSubscriber.class);

    private final TrackingSubscriptions subscriptions;
    private final ObjectProvider<TrackingAggregator> aggregator;
    private final TrackingProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    TrackingSubscriber(TrackingSubscriptions subscriptions, ObjectProvider<TrackingAggregator> aggregator,
                       TrackingProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.aggregator = aggregator;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jiyun.tracking.interval:10s}", initialDelayString = "${jiyun.tracking.interval:10s}")
    void sendDue() {
        TrackingAggregator to = aggregator.getIfAvailable();
        if (to == null) {
            return;
        }
        List<TrackingSubscription> due = subscriptions.findTop50ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(
                TrackingSubscription.Status.PENDING, clock.instant());
        for (TrackingSubscription subscription : due) {
            try {
                send(to, subscription.id());
            } catch (ObjectOptimisticLockingFailureException lost) {
                log.debug("Tracking subscription {} was claimed by another instance", subscription.id());
            } catch (RuntimeException e) {
                log.warn("Tracking subscription {} could not be processed: {}", subscription.id(), e.getMessage());
            }
        }
    }

    void send(TrackingAggregator to, Long subscriptionId) {
        WaybillSubscription request = tx.execute(status -> {
            TrackingSubscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
            if (subscription.status() != TrackingSubscription.Status.PENDING
                    || subscription.nextAttemptAt().isAfter(clock.instant())) {
                return null;
            }
            subscription.claim(properties.firstBackOff(), clock.instant());
            return new WaybillSubscription(subscription.carrier(), subscription.waybillNumber(),
                    Map.of("cooperative", String.valueOf(subscription.cooperativeId())));
        });
        if (request == null) {
            return;
        }
        String error = null;
        boolean giveUp = false;
        try {
            to.subscribe(request);
        } catch (TrackingException refused) {
            error = refused.getMessage();
            giveUp = !refused.retryable();
        } catch (RuntimeException unexpected) {
            error = unexpected.toString();
        }
        String failure = error;
        boolean permanent = giveUp;
        tx.executeWithoutResult(status -> {
            TrackingSubscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
            if (failure == null) {
                subscription.subscribed(clock.instant());
                log.info("{} follows waybill {} of order {}", to.name(), subscription.waybillNumber(),
                        subscription.orderId());
            } else {
                boolean last = properties.retries().givesUp(subscription.attempts(), permanent);
                subscription.attemptFailed(failure, last,
                        properties.retries().backOffAfter(subscription.attempts() + 1), clock.instant());
                log.warn("Tracking subscription {} at {} failed (attempt {}{}): {}", subscription.id(), to.name(),
                        subscription.attempts(), last ? ", given up" : "", failure);
            }
        });
    }
}
