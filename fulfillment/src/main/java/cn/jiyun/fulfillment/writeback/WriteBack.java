package cn.jiyun.fulfillment.writeback;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
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

/** One order's waybill on its way back to the platform. */
@Entity
@Table(name = "write_back")
public class WriteBack {

    /** Where a write-back stands. */
    public enum Status {
        PENDING,
        DONE,
        /** Given up after the platform refused it or stayed unreachable; a person can retry. */
        FAILED,
        /** Spreadsheet orders have no platform to tell. */
        NOT_NEEDED
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
    private Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Carrier carrier;

    @Column(name = "waybill_number", nullable = false, updatable = false)
    private String waybillNumber;

    /** The idempotency key sent to platforms that take one; the same on every attempt. */
    @Column(name = "request_id", nullable = false, updatable = false)
    private String requestId;

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

    @Column(name = "done_at")
    private Instant doneAt;

    @Version
    private long version;

    protected WriteBack() {
    }

    WriteBack(Long cooperativeId, Long orderId, Platform platform, Carrier carrier, String waybillNumber,
              String requestId, Instant now) {
        this.cooperativeId = cooperativeId;
        this.orderId = orderId;
        this.platform = platform;
        this.carrier = carrier;
        this.waybillNumber = waybillNumber;
        this.requestId = requestId;
        this.createdAt = now;
        this.nextAttemptAt = now;
        if (platform == Platform.SPREADSHEET) {
            this.status = Status.NOT_NEEDED;
            this.doneAt = now;
        } else {
            this.status = Status.PENDING;
        }
    }

    void done(Instant now) {
        status = Status.DONE;
        attempts++;
        doneAt = now;
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

    /** Not attempted (e.g. no connector yet): look again later without counting an attempt. */
    void postpone(String why, Duration wait, Instant now) {
        lastError = why;
        nextAttemptAt = now.plus(wait);
    }

    void retry(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = now;
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

    public Platform platform() {
        return platform;
    }

    public Carrier carrier() {
        return carrier;
    }

    public String waybillNumber() {
        return waybillNumber;
    }

    public String requestId() {
        return requestId;
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

    public Instant doneAt() {
        return doneAt;
    }
}
