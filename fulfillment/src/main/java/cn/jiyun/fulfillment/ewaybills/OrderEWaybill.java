package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybill;
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

/**
 * One take of an order's e-waybill: asked of the platform under a request key the platform keeps idempotent,
 * then taken, failed (with the platform's reason) or cancelled. A failed take is asked again under the same key,
 * so a retry after a timeout gets the number already taken, never a second one; only a cancellation opens a new
 * take with a new key.
 */
@Entity
@Table(name = "ewaybill")
public class OrderEWaybill {

    /** Where a take stands. */
    public enum Status {
        /** Asked of the platform, no answer recorded yet (in flight, or the instance died). */
        REQUESTED,
        /** The platform gave the number; the label can be printed and the order handed over. */
        TAKEN,
        /** Refused or not answered; the reason is shown at the hub and it can be asked again. */
        FAILED,
        /** Voided at the platform; the next take asks for a new number. */
        CANCELLED
    }

    private static final int REASON_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Column(name = "take_number", nullable = false, updatable = false)
    private int takeNumber;

    @Column(name = "request_key", nullable = false, updatable = false)
    private String requestKey;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Carrier carrier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "waybill_number")
    private String waybillNumber;

    @Column(name = "sort_code")
    private String sortCode;

    @Column(name = "print_data")
    private String printData;

    @Column(name = "print_encrypted", nullable = false)
    private boolean printEncrypted;

    @Column(name = "platform_reference")
    private String platformReference;

    @Column(name = "receiver_masked")
    private String receiverMasked;

    @Column
    private String reason;

    @Column(nullable = false)
    private boolean retryable;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "taken_at")
    private Instant takenAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Version
    private long version;

    protected OrderEWaybill() {
    }

    OrderEWaybill(Long cooperativeId, Long orderId, int takeNumber, Platform platform, CarrierAccount account,
                  String actor, Instant now) {
        this.cooperativeId = cooperativeId;
        this.orderId = orderId;
        this.takeNumber = takeNumber;
        this.requestKey = "JY" + orderId + "T" + takeNumber;
        this.platform = platform;
        asked(account, actor, now);
    }

    /** Asked (again) of the platform under the same key, through {@code account}. */
    void asked(CarrierAccount account, String actor, Instant now) {
        this.accountId = account.id();
        this.carrier = account.carrier();
        this.status = Status.REQUESTED;
        this.attempts++;
        this.requestedAt = now;
        this.requestedBy = actor;
    }

    void taken(EWaybill waybill, Instant now) {
        status = Status.TAKEN;
        waybillNumber = waybill.waybillNumber();
        sortCode = blankToNull(waybill.sortCode());
        printData = waybill.printData();
        printEncrypted = waybill.encrypted();
        platformReference = blankToNull(waybill.platformReference());
        receiverMasked = blankToNull(waybill.receiverMasked());
        reason = null;
        retryable = false;
        takenAt = now;
    }

    void failed(String why, boolean canRetry) {
        status = Status.FAILED;
        reason = why == null ? "" : why.length() > REASON_LENGTH ? why.substring(0, REASON_LENGTH) : why;
        retryable = canRetry;
    }

    void cancelled(String actor, Instant now) {
        status = Status.CANCELLED;
        cancelledAt = now;
        cancelledBy = actor;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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

    public int takeNumber() {
        return takeNumber;
    }

    public String requestKey() {
        return requestKey;
    }

    public Long accountId() {
        return accountId;
    }

    public Platform platform() {
        return platform;
    }

    public Carrier carrier() {
        return carrier;
    }

    public Status status() {
        return status;
    }

    public String waybillNumber() {
        return waybillNumber;
    }

    public String sortCode() {
        return sortCode;
    }

    public String printData() {
        return printData;
    }

    public boolean printEncrypted() {
        return printEncrypted;
    }

    public String platformReference() {
        return platformReference;
    }

    public String receiverMasked() {
        return receiverMasked;
    }

    public String reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }

    public int attempts() {
        return attempts;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
