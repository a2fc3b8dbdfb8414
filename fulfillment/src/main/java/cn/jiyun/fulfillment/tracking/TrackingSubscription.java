package cn.jiyun.fulfillment.tracking;

import cn.jiyun.integrations.Carrier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/** One handed-over order's waybill at the tracking aggregator: queued, followed, failed, or done with. */
@Entity
@Table(name = "tracking_subscription")
public class TrackingSubscription {

    /** Where a subscription stands. */
    public enum Status {
        /** Waiting to be sent (again). */
        PENDING,
        /** The aggregator follows the waybill and pushes its scans. */
        SUBSCRIBED,
        /** Given up after the aggregator refused it or stayed unreachable; a person can retry. */
        FAILED,
        /** Delivered or back with the seller: nothing more to follow. */
        FINISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Carrier carrier;

    @Column(name = "waybill_number", nullable = false, updatable = false)
    private String waybillNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "subscribed_at")
    private Instant subscribedAt;

    @Column(name = "last_movement_at", nullable = false)
    private Instant lastMovementAt;

    @Column(name = "stalled_at")
    private Instant stalledAt;

    @Version
    private long version;

    protected TrackingSubscription() {
    }

    TrackingSubscription(Long cooperativeId, Long orderId, Carrier carrier, String waybillNumber, Instant now) {
        this.cooperativeId = cooperativeId;
        this.orderId = orderId;
        this.carrier = carrier;
        this.waybillNumber = waybillNumber;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
        this.lastMovementAt = now;
    }

    void subscribed(Instant now) {
        if (status == Status.PENDING) {
            // the first pushes may have finished it already
            status = Status.SUBSCRIBED;
        }
        attempts++;
        subscribedAt = now;
        lastError = null;
    }

    /** A failed attempt: tried again after {@code backOff}, or given up when {@code giveUp}. */
    void attemptFailed(String error, boolean giveUp, Duration backOff, Instant now) {
        attempts++;
        lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        if (giveUp) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = now.plus(backOff);
        }
    }

    /** Claimed by one sender: a concurrent one's version check fails; looked at again after {@code wait} if it dies. */
    void claim(Duration wait, Instant now) {
        nextAttemptAt = now.plus(wait);
    }

    void retry(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = now;
    }

    /** The carrier scanned the parcel at {@code scannedAt}: the silence, if any, is over. */
    void moved(Instant scannedAt) {
        if (scannedAt.isAfter(lastMovementAt)) {
            lastMovementAt = scannedAt;
        }
        stalledAt = null;
    }

    void stalled(Instant now) {
        stalledAt = now;
    }

    void finished() {
        status = Status.FINISHED;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public Long orderId() {
        return orderId;
    }

    public Carrier carrier() {
        return carrier;
    }

    public String waybillNumber() {
        return waybillNumber;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant subscribedAt() {
        return subscribedAt;
    }

    public Instant lastMovementAt() {
        return lastMovementAt;
    }

    public Instant stalledAt() {
        return stalledAt;
    }
}
