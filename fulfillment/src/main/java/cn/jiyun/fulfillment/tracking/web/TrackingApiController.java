package cn.jiyun.fulfillment.tracking.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.tracking.ParcelJourney;
import cn.jiyun.fulfillment.tracking.TrackingDeadLetter;
import cn.jiyun.fulfillment.tracking.TrackingSubscription;
import cn.jiyun.fulfillment.tracking.TrackingSubscriptionQueue;
import cn.jiyun.integrations.Carrier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The waybills followed at the tracking aggregator (failed ones to retry), and the pushes no order could take. */
@RestController
@Transactional
@RequestMapping("/api/tracking")
@Tag(name = "Tracking")
class TrackingApiController {

    /** A subscription as the API shows it. */
    record SubscriptionView(Long id, Long orderId, Carrier carrier, String waybillNumber,
                            TrackingSubscription.Status status, int attempts, String lastError, Instant nextAttemptAt,
                            Instant createdAt, Instant subscribedAt, Instant lastMovementAt, Instant silentSince) {
        static SubscriptionView of(TrackingSubscription s) {
            return new SubscriptionView(s.id(), s.orderId(), s.carrier(), s.waybillNumber(), s.status(), s.attempts(),
                    s.lastError(), s.nextAttemptAt(), s.createdAt(), s.subscribedAt(), s.lastMovementAt(),
                    s.stalledAt());
        }
    }

    /** A dead letter as the API shows it; the raw push has its digit runs masked. */
    record DeadLetterView(Long id, String aggregator, String carrierCode, String waybillNumber, String reason,
                          int pushes, Instant receivedAt, TrackingDeadLetter.Status status, String rawPush) {
        static DeadLetterView of(TrackingDeadLetter d) {
            return new DeadLetterView(d.id(), d.aggregator(), d.carrierCode(), d.waybillNumber(), d.reason(),
                    d.pushes(), d.receivedAt(), d.status(), d.rawPush());
        }
    }

    private final TrackingSubscriptionQueue queue;
    private final ParcelJourney journey;

    TrackingApiController(TrackingSubscriptionQueue queue, ParcelJourney journey) {
        this.queue = queue;
        this.journey = journey;
    }

    @GetMapping("/subscriptions")
    @Transactional(readOnly = true)
    @Operation(summary = "Waybills sent to the tracking aggregator: pending, subscribed, failed, finished")
    PagedModel<SubscriptionView> subscriptions(@AuthenticationPrincipal JiyunUser user,
                                               @RequestParam(required = false) TrackingSubscription.Status status,
                                               @SortableBy({"id", "status", "createdAt", "nextAttemptAt",
                                                       "lastMovementAt"}) Pageable pageable) {
        return new PagedModel<>(queue.list(user.cooperativeId(), status, pageable).map(SubscriptionView::of));
    }

    @PostMapping("/subscriptions/{id}/retry")
    @Operation(summary = "Send a failed subscription again")
    SubscriptionView retry(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return SubscriptionView.of(queue.retry(user.cooperativeId(), id));
    }

    @GetMapping("/dead-letters")
    @Transactional(readOnly = true)
    @Operation(summary = "Pushes for waybills no order has")
    PagedModel<DeadLetterView> deadLetters(@AuthenticationPrincipal JiyunUser user,
                                           @RequestParam(required = false) TrackingDeadLetter.Status status,
                                           @SortableBy({"id", "receivedAt", "status"}) Pageable pageable) {
        return new PagedModel<>(journey.deadLetters(user.cooperativeId(), status, pageable).map(DeadLetterView::of));
    }

    @PostMapping("/dead-letters/{id}/close")
    @Operation(summary = "Close a dead letter a person has dealt with")
    DeadLetterView close(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return DeadLetterView.of(journey.closeDeadLetter(user.cooperativeId(), id));
    }
}
