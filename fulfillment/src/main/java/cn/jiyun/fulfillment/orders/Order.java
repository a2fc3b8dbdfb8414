package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.store.Audited;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A buyer's order from a shop on a platform. Its status changes only through the methods here,
 * each of which checks the step is allowed and appends a tracking event.
 */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
public class Order extends Audited {

    @Id
    // from a sequence, 50 at a time, so that a page of new orders is inserted in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_seq")
    @SequenceGenerator(name = "orders_seq", sequenceName = "orders_seq", allocationSize = 50)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(name = "shop_id", nullable = false, updatable = false)
    private Long shopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Platform platform;

    @Column(name = "platform_order_id", nullable = false, updatable = false)
    private String platformOrderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "attention_reason")
    private String attentionReason;

    @Column(name = "buyer_province", nullable = false)
    private String buyerProvince;

    @Column(name = "buyer_city", nullable = false)
    private String buyerCity;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "ship_by")
    private Instant shipBy;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Enumerated(EnumType.STRING)
    private Carrier carrier;

    @Column(name = "waybill_number")
    private String waybillNumber;

    @Column(name = "platform_updated_at", nullable = false)
    private Instant platformUpdatedAt;

    /** The platform's own status, as the connector mapped it (e.g. PAID, CANCELLED). */
    @Column(name = "platform_status")
    private String platformStatus;

    /** The platform's payload this order was last read from, kept for audit and replay (no buyer PII). */
    @Column(name = "raw_payload")
    private String rawPayload;

    /** Opens the order's public tracking page to whoever has the link. */
    @Column(name = "tracking_token", unique = true, updatable = false)
    private String trackingToken;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    @BatchSize(size = 100)
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @BatchSize(size = 100)
    private List<Parcel> parcels = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    @BatchSize(size = 100)
    private List<TrackingEvent> events = new ArrayList<>();

    protected Order() {
    }

    /** A newly received order; it starts RECEIVED, with that as its first tracking event. */
    public Order(Long cooperativeId, Long shopId, Platform platform, String platformOrderId, String buyerProvince,
                 String buyerCity, Instant placedAt, Instant paidAt, Instant shipBy, long amountFen,
                 Instant platformUpdatedAt, Instant receivedAt, String actor) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("an order's amount cannot be negative");
        }
        this.cooperativeId = cooperativeId;
        this.shopId = shopId;
        this.platform = platform;
        this.platformOrderId = platformOrderId;
        this.buyerProvince = Objects.requireNonNullElse(buyerProvince, "");
        this.buyerCity = Objects.requireNonNullElse(buyerCity, "");
        this.placedAt = placedAt;
        this.paidAt = paidAt;
        this.shipBy = shipBy;
        this.amountFen = amountFen;
        this.platformUpdatedAt = platformUpdatedAt;
        this.status = OrderStatus.RECEIVED;
        this.trackingToken = TrackingTokens.next();
        events.add(new TrackingEvent(this, OrderStatus.RECEIVED, receivedAt, "received from " + platform, actor));
    }

    /** What the platform last said about the order; older news is the caller's to ignore. */
    public void platformSays(String platformStatus, Instant platformUpdatedAt, Instant paidAt, Instant shipBy,
                             String buyerProvince, String buyerCity, long amountFen, String rawPayload) {
        this.platformStatus = platformStatus;
        this.platformUpdatedAt = platformUpdatedAt;
        if (paidAt != null) {
            this.paidAt = paidAt;
        }
        if (shipBy != null) {
            this.shipBy = shipBy;
        }
        this.buyerProvince = Objects.requireNonNullElse(buyerProvince, "");
        this.buyerCity = Objects.requireNonNullElse(buyerCity, "");
        if (amountFen >= 0) {
            this.amountFen = amountFen;
        }
        this.rawPayload = rawPayload;
    }

    public void addLine(String platformSku, String title, int quantity, long amountFen) {
        lines.add(new OrderLine(this, lines.size() + 1, platformSku, title, quantity, amountFen));
    }

    /** Replaces the parcels (e.g. once every SKU is mapped); only before pickup is planned. */
    public void replaceParcels(List<ParcelSpec> specs) {
        if (status != OrderStatus.RECEIVED && status != OrderStatus.NEEDS_ATTENTION
                && status != OrderStatus.AWAITING_PICKUP) {
            throw new IllegalStateException("parcels of order " + platformOrderId + " are fixed once " + status);
        }
        parcels.clear();
        specs.forEach(s -> parcels.add(new Parcel(this, s.producerId(), s.code(), s.weightGrams(), s.volumeMl(),
                s.chilled())));
    }

    /** What a parcel is made of before it is attached to its order. */
    public record ParcelSpec(Long producerId, String code, int weightGrams, int volumeMl, boolean chilled) {
    }

    /** Moves to {@code next}, if that step is allowed, and records it. */
    public void moveTo(OrderStatus next, Instant at, String note, String actor) {
        if (next == OrderStatus.NEEDS_ATTENTION) {
            needsAttention(note, at, actor);
            return;
        }
        if (next == OrderStatus.HANDED_TO_CARRIER) {
            throw new IllegalArgumentException("handing to a carrier needs the carrier and waybill number");
        }
        if (next.afterHandover() && waybillNumber == null) {
            throw new ConflictException("order " + platformOrderId
                    + " was never handed to a carrier: only a parcel with a waybill can be " + next);
        }
        step(next, at, note, actor);
        attentionReason = null;
    }

    /** A person must act on this order; the reason says why and stays until it moves on. */
    public void needsAttention(String reason, Instant at, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an order needing attention needs a reason");
        }
        if (status == OrderStatus.NEEDS_ATTENTION) {
            if (!reason.equals(attentionReason)) {
                attentionReason = reason;
                events.add(new TrackingEvent(this, status, at, reason, actor));
            }
            return;
        }
        step(OrderStatus.NEEDS_ATTENTION, at, reason, actor);
        attentionReason = reason;
    }

    /** Given to the express carrier at the hub under a waybill number. */
    public void handToCarrier(Carrier carrier, String waybillNumber, Instant at, String actor) {
        if (carrier == null || waybillNumber == null || waybillNumber.isBlank()) {
            throw new IllegalArgumentException("handing to a carrier needs the carrier and waybill number");
        }
        step(OrderStatus.HANDED_TO_CARRIER, at, carrier.chineseName() + " " + waybillNumber, actor);
        this.carrier = carrier;
        this.waybillNumber = waybillNumber.strip();
    }

    private void step(OrderStatus next, Instant at, String note, String actor) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(platformOrderId, status, next);
        }
        status = next;
        events.add(new TrackingEvent(this, next, at, note == null ? "" : note, actor));
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public Long shopId() {
        return shopId;
    }

    public Platform platform() {
        return platform;
    }

    public String platformOrderId() {
        return platformOrderId;
    }

    public OrderStatus status() {
        return status;
    }

    public String attentionReason() {
        return attentionReason;
    }

    public String buyerProvince() {
        return buyerProvince;
    }

    public String buyerCity() {
        return buyerCity;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant shipBy() {
        return shipBy;
    }

    public long amountFen() {
        return amountFen;
    }

    public Carrier carrier() {
        return carrier;
    }

    public String waybillNumber() {
        return waybillNumber;
    }

    public Instant platformUpdatedAt() {
        return platformUpdatedAt;
    }

    public String platformStatus() {
        return platformStatus;
    }

    public String rawPayload() {
        return rawPayload;
    }

    /** The token of the public tracking link; none for orders stored before links existed. */
    public String trackingToken() {
        return trackingToken;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<Parcel> parcels() {
        return Collections.unmodifiableList(parcels);
    }

    public List<TrackingEvent> events() {
        return Collections.unmodifiableList(events);
    }
}
