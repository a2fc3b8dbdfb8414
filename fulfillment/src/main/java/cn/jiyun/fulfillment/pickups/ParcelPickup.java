package cn.jiyun.fulfillment.pickups;

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

/** A parcel's outcome at its stop on one route, and, once collected, its arrival at the hub. */
@Entity
@Table(name = "parcel_pickup")
public class ParcelPickup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(name = "route_id", nullable = false, updatable = false)
    private Long routeId;

    @Column(name = "stop_sequence", nullable = false, updatable = false)
    private int stopSequence;

    @Column(name = "parcel_id", nullable = false, updatable = false)
    private Long parcelId;

    @Column(name = "parcel_code", nullable = false, updatable = false)
    private String parcelCode;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Column(name = "hub_id", nullable = false, updatable = false)
    private Long hubId;

    @Column(name = "weight_grams", nullable = false, updatable = false)
    private int weightGrams;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PickupOutcome outcome;

    @Column(updatable = false)
    private String reason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "arrived_at")
    private Instant arrivedAt;

    @Column(name = "arrived_by")
    private String arrivedBy;

    @Version
    private long version;

    protected ParcelPickup() {
    }

    ParcelPickup(Long cooperativeId, Long routeId, int stopSequence, Long parcelId, String parcelCode, Long orderId,
                 Long hubId, int weightGrams, PickupOutcome outcome, String reason, String recordedBy,
                 Instant recordedAt) {
        this.cooperativeId = cooperativeId;
        this.routeId = routeId;
        this.stopSequence = stopSequence;
        this.parcelId = parcelId;
        this.parcelCode = parcelCode;
        this.orderId = orderId;
        this.hubId = hubId;
        this.weightGrams = weightGrams;
        this.outcome = outcome;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** Scanned in at the hub; false if it already was (a repeated scan changes nothing). */
    boolean arrive(String by, Instant at) {
        if (outcome != PickupOutcome.COLLECTED) {
            throw new IllegalStateException("only a collected parcel can arrive at the hub");
        }
        if (arrivedAt != null) {
            return false;
        }
        arrivedAt = at;
        arrivedBy = by;
        return true;
    }

    public Long id() {
        return id;
    }

    public Long routeId() {
        return routeId;
    }

    public int stopSequence() {
        return stopSequence;
    }

    public Long parcelId() {
        return parcelId;
    }

    public String parcelCode() {
        return parcelCode;
    }

    public Long orderId() {
        return orderId;
    }

    public Long hubId() {
        return hubId;
    }

    public int weightGrams() {
        return weightGrams;
    }

    public PickupOutcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    public String arrivedBy() {
        return arrivedBy;
    }
}
