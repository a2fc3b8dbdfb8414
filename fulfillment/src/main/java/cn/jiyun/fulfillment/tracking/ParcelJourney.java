package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.integrations.tracking.ParcelPush;
import cn.jiyun.integrations.tracking.ParcelScan;
import cn.jiyun.integrations.tracking.ParcelStage;
import cn.jiyun.integrations.tracking.TrackingAggregator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.jiyun.fulfillment.errors.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the carrier's scans do: each scan of a push is kept once (aggregators resend the whole history), the order
 * moves on from its newest scan (in transit, delivered, returned), and a parcel that will not reach the buyer as
 * things stand (a problem, a return) goes to the attention list with the carrier's words. A push for a waybill no
 * order has is kept as a dead letter.
 */
@Service
public class ParcelJourney {

    /** The reasons this feature gives an order needing attention; a later scan may take the order on from them. */
    public static final String PROBLEM = "the carrier reports a problem with the parcel: ";
    public static final String RETURN = "the carrier is sending the parcel back: ";
    public static final String SILENT = "no scan from the carrier for ";

    static final String ACTOR = "tracking";
    private static final Logger log = LoggerFactory.getLogger(ParcelJourney.class);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What became of a push. */
    public enum Outcome {
        /** New scans were kept (and the order moved, where they moved it). */
        TAKEN,
        /** Every scan was known already: nothing changed. */
        DUPLICATE,
        /** No order has the waybill: kept as a dead letter. */
        DEAD_LETTER
    }

    private final TrackingSubscriptions subscriptions;
    private final CarrierScans scans;
    private final TrackingDeadLetters deadLetters;
    private final OrderService orders;
    private final CooperativeService cooperatives;
    private final TrackingProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ParcelJourney(TrackingSubscriptions subscriptions, CarrierScans scans, TrackingDeadLetters deadLetters,
                  OrderService orders, CooperativeService cooperatives, TrackingProperties properties,
                  PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.subscriptions = subscriptions;
        this.scans = scans;
        this.deadLetters = deadLetters;
        this.orders = orders;
        this.cooperatives = cooperatives;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Takes a verified push; {@code cooperativeId} is what the callback's query said back, used only to show a dead
     * letter to that cooperative. The same push twice, even on two instances at once, keeps its scans once.
     */
    public Outcome take(TrackingAggregator from, ParcelPush push, String cooperativeId) {
        try {
            return tx.execute(status -> apply(from, push, cooperativeId));
        } catch (DataIntegrityViolationException concurrent) {
            // another instance kept the same scans between our read and our insert: read again, and see them
            return tx.execute(status -> apply(from, push, cooperativeId));
        }
    }

    private Outcome apply(TrackingAggregator from, ParcelPush push, String cooperativeId) {
        List<TrackingSubscription> following = subscriptions.findByWaybillNumber(push.waybillNumber()).stream()
                .filter(s -> push.carrier().map(c -> c == s.carrier()).orElse(true))
                .toList();
        Instant now = clock.instant();
        if (following.isEmpty()) {
            keepDeadLetter(from, push, cooperativeId, now);
            return Outcome.DEAD_LETTER;
        }
        boolean anything = false;
        for (TrackingSubscription subscription : following) {
            anything |= applyTo(subscription, push, now);
        }
        return anything ? Outcome.TAKEN : Outcome.DUPLICATE;
    }

    private boolean applyTo(TrackingSubscription subscription, ParcelPush push, Instant now) {
        Set<String> known = scans.keysOf(subscription.orderId());
        List<CarrierScan> fresh = push.scans().stream()
                .filter(scan -> !known.contains(keyOf(scan)))
                .map(scan -> new CarrierScan(subscription.orderId(), scan.at(), scan.area(),
                        CarrierText.masked(scan.text()), scan.stage(), scan.aggregatorState(), keyOf(scan), now))
                .toList();
        if (fresh.isEmpty()) {
            return false;
        }
        scans.saveAll(fresh);
        fresh.forEach(scan -> subscription.moved(scan.scannedAt()));
        CarrierScan newest = scans.findByOrderIdOrderByScannedAtAscIdAsc(subscription.orderId()).stream()
                .max(Comparator.comparing(CarrierScan::scannedAt).thenComparing(CarrierScan::id))
                .orElseThrow();
        moveOrder(subscription, newest);
        return true;
    }

    /** Where the newest scan leaves the order. */
    private void moveOrder(TrackingSubscription subscription, CarrierScan newest) {
        Order order = orders.byId(subscription.orderId());
        String where = newest.area().isEmpty() ? "" : " (" + newest.area() + ")";
        String note = newest.stage() + where + ": " + newest.description();
        Instant at = newest.scannedAt();
        boolean ours = order.status() != OrderStatus.NEEDS_ATTENTION || isOurs(order.attentionReason());
        if (!ours) {
            // someone else's reason (e.g. cancelled on the platform after pickup): the person deciding it sees the scans
            return;
        }
        switch (newest.stage()) {
            case COLLECTED, IN_TRANSIT, OUT_FOR_DELIVERY -> orders.carrierMoved(order.id(), OrderStatus.IN_TRANSIT, at,
                    note, ACTOR);
            case DELIVERED -> {
                orders.carrierMoved(order.id(), OrderStatus.DELIVERED, at, note, ACTOR);
                subscription.finished();
            }
            case PROBLEM -> attention(order.id(), PROBLEM + newest.description(), at);
            case RETURNING, RETURNED -> {
                boolean waitingAlready = order.status() == OrderStatus.NEEDS_ATTENTION
                        && order.attentionReason().startsWith(RETURN);
                if (!waitingAlready) {
                    orders.carrierMoved(order.id(), OrderStatus.RETURNED, at, note, ACTOR);
                }
                attention(order.id(), RETURN + newest.description(), at);
                if (newest.stage() == ParcelStage.RETURNED) {
                    subscription.finished();
                }
            }
        }
    }

    /** An order needs a person, unless it has gone where no person is needed (delivered). */
    private void attention(Long orderId, String reason, Instant at) {
        OrderStatus now = orders.byId(orderId).status();
        if (now == OrderStatus.NEEDS_ATTENTION || now.canMoveTo(OrderStatus.NEEDS_ATTENTION)) {
            orders.carrierNeedsAttention(orderId, reason, at, ACTOR);
        }
    }

    @Scheduled(fixedDelayString = "${jiyun.tracking.silence-check-interval:10m}", initialDelayString = "60s")
    void checkSilence() {
        List<Long> reported = reportSilentCarriers(clock.instant(), properties.silentAfter());
        if (!reported.isEmpty()) {
            log.info("{} parcels without a scan for {} need a person: orders {}", reported.size(),
                    properties.silentAfter(), reported);
        }
    }

    /**
     * Reports every parcel whose carrier has been silent for {@code silentAfter} at {@code now}, once per silence;
     * the scheduled check calls it with the clock, tests with the time they need. Returns the orders reported.
     */
    public List<Long> reportSilentCarriers(Instant now, Duration silentAfter) {
        List<TrackingSubscription> silent = subscriptions
                .findTop200ByStatusNotAndStalledAtIsNullAndLastMovementAtBeforeOrderByLastMovementAt(
                        TrackingSubscription.Status.FINISHED, now.minus(silentAfter));
        List<Long> reported = new ArrayList<>();
        for (TrackingSubscription candidate : silent) {
            try {
                Boolean flagged = tx.execute(status -> {
                    TrackingSubscription subscription = subscriptions.findById(candidate.id()).orElseThrow();
                    if (subscription.stalledAt() != null || subscription.status() == TrackingSubscription.Status.FINISHED
                            || !subscription.lastMovementAt().isBefore(now.minus(silentAfter))) {
                        return false;
                    }
                    subscription.stalled(now);
                    Order order = orders.byId(subscription.orderId());
                    if (order.status() != OrderStatus.HANDED_TO_CARRIER && order.status() != OrderStatus.IN_TRANSIT) {
                        return false;
                    }
                    orders.carrierNeedsAttention(order.id(), SILENT + silentAfter.toHours() + " h (the last one at "
                            + LocalDateTime.ofInstant(subscription.lastMovementAt(), ChinaTime.ZONE).format(MINUTES)
                            + ")", now, ACTOR);
                    return true;
                });
                if (Boolean.TRUE.equals(flagged)) {
                    reported.add(candidate.orderId());
                }
            } catch (ObjectOptimisticLockingFailureException concurrent) {
                log.debug("Silent parcel {} was looked at by another instance", candidate.orderId());
            }
        }
        return reported;
    }

    private void keepDeadLetter(TrackingAggregator from, ParcelPush push, String cooperativeId, Instant now) {
        String reason = "no order has waybill " + push.waybillNumber() + " of " + push.carrierCode();
        String raw = CarrierText.masked(push.raw());
        Optional<TrackingDeadLetter> open = deadLetters.findFirstByWaybillNumberAndCarrierCodeAndStatus(
                push.waybillNumber(), push.carrierCode(), TrackingDeadLetter.Status.OPEN);
        if (open.isPresent()) {
            open.get().again(reason, raw, now);
        } else {
            deadLetters.save(new TrackingDeadLetter(cooperativeOf(cooperativeId), from.name(), push.carrierCode(),
                    push.waybillNumber(), reason, raw, now));
        }
        log.warn("Kept a {} push for unknown waybill {} {} as a dead letter", from.name(), push.carrierCode(),
                push.waybillNumber());
    }

    private Long cooperativeOf(String cooperativeId) {
        if (cooperativeId == null || !cooperativeId.matches("\\d{1,18}")) {
            return null;
        }
        Long id = Long.valueOf(cooperativeId);
        return cooperatives.exists(id) ? id : null;
    }

    @Transactional(readOnly = true)
    public List<CarrierScan> scansOf(Long orderId) {
        return scans.findByOrderIdOrderByScannedAtAscIdAsc(orderId);
    }

    @Transactional(readOnly = true)
    public Page<TrackingDeadLetter> deadLetters(Long cooperativeId, TrackingDeadLetter.Status status,
                                                Pageable pageable) {
        return status == null ? deadLetters.findByCooperativeId(cooperativeId, pageable)
                : deadLetters.findByCooperativeIdAndStatus(cooperativeId, status, pageable);
    }

    @Transactional
    public TrackingDeadLetter closeDeadLetter(Long cooperativeId, Long id) {
        TrackingDeadLetter letter = deadLetters.findByIdAndCooperativeId(id, cooperativeId)
                .orElseThrow(() -> new NotFoundException("tracking dead letter", id));
        letter.close();
        return letter;
    }

    static boolean isOurs(String attentionReason) {
        return attentionReason != null && (attentionReason.startsWith(PROBLEM) || attentionReason.startsWith(RETURN)
                || attentionReason.startsWith(SILENT));
    }

    /** A scan as pushed, before masking: the same scan resent hashes the same. */
    static String keyOf(ParcelScan scan) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((scan.at().getEpochSecond() + "|" + scan.area()
                    + "|" + scan.text() + "|" + scan.aggregatorState()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
