package cn.jiyun.fulfillment.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signed push for a waybill no order has, kept for a person: each repeat of it counts here. */
@Entity
@Table(name = "tracking_dead_letter")
public class TrackingDeadLetter {

    /** Whether a person still has to look at it. */
    public enum Status {
        OPEN,
        CLOSED
    }

    private static final int MOST_RAW = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", updatable = false)
    private Long cooperativeId;

    @Column(nullable = false, updatable = false)
    private String aggregator;

    @Column(name = "carrier_code", nullable = false, updatable = false)
    private String carrierCode;

    @Column(name = "waybill_number", nullable = false, updatable = false)
    private String waybillNumber;

    @Column(nullable = false)
    private String reason;

    @Column(name = "raw_push", nullable = false)
    private String rawPush;

    @Column(nullable = false)
    private int pushes;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    protected TrackingDeadLetter() {
    }

    TrackingDeadLetter(Long cooperativeId, String aggregator, String carrierCode, String waybillNumber, String reason,
                       String rawPush, Instant now) {
        this.cooperativeId = cooperativeId;
        this.aggregator = aggregator;
        this.carrierCode = carrierCode.length() > 40 ? carrierCode.substring(0, 40) : carrierCode;
        this.waybillNumber = waybillNumber.length() > 64 ? waybillNumber.substring(0, 64) : waybillNumber;
        this.status = Status.OPEN;
        again(reason, rawPush, now);
        this.pushes = 1;
    }

    /** The same waybill pushed again: the latest push is kept. */
    void again(String reason, String rawPush, Instant now) {
        this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.rawPush = rawPush.length() > MOST_RAW ? rawPush.substring(0, MOST_RAW) : rawPush;
        this.receivedAt = now;
        this.pushes++;
    }

    void close() {
        status = Status.CLOSED;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public String aggregator() {
        return aggregator;
    }

    public String carrierCode() {
        return carrierCode;
    }

    public String waybillNumber() {
        return waybillNumber;
    }

    public String reason() {
        return reason;
    }

    public String rawPush() {
        return rawPush;
    }

    public int pushes() {
        return pushes;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Status status() {
        return status;
    }
}
