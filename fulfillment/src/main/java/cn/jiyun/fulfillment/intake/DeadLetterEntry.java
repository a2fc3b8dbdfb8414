package cn.jiyun.fulfillment.intake;

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

import java.time.Instant;

/** A platform message that could not become an order, kept with its reason until a person deals with it. */
@Entity
@Table(name = "dead_letter")
public class DeadLetterEntry {

    /** Where a dead letter stands. */
    public enum Status {
        /** Waiting for a person. */
        OPEN,
        /** A person asked for the shop's orders to be fetched again. */
        RETRIED,
        /** A person decided nothing more is to be done. */
        DISCARDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", updatable = false)
    private Long cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Platform platform;

    @Column(name = "platform_shop_id", nullable = false, updatable = false)
    private String platformShopId;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "raw_message", nullable = false, updatable = false)
    private String rawMessage;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int retries;

    @Column(name = "last_retry_at")
    private Instant lastRetryAt;

    @Column(name = "closed_note")
    private String closedNote;

    @Version
    private long version;

    protected DeadLetterEntry() {
    }

    DeadLetterEntry(Long cooperativeId, Platform platform, String platformShopId, String source, String rawMessage,
                    String reason, Instant receivedAt) {
        this.cooperativeId = cooperativeId;
        this.platform = platform;
        this.platformShopId = platformShopId;
        this.source = source;
        this.rawMessage = rawMessage;
        this.reason = reason;
        this.receivedAt = receivedAt;
        this.status = Status.OPEN;
    }

    void retried(Instant at) {
        status = Status.RETRIED;
        retries++;
        lastRetryAt = at;
    }

    void discard(String note) {
        status = Status.DISCARDED;
        closedNote = note;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public Platform platform() {
        return platform;
    }

    public String platformShopId() {
        return platformShopId;
    }

    public String source() {
        return source;
    }

    public String rawMessage() {
        return rawMessage;
    }

    public String reason() {
        return reason;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Status status() {
        return status;
    }

    public int retries() {
        return retries;
    }

    public Instant lastRetryAt() {
        return lastRetryAt;
    }

    public String closedNote() {
        return closedNote;
    }
}
