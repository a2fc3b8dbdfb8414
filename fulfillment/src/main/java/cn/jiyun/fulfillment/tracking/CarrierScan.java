package cn.jiyun.fulfillment.tracking;

import cn.jiyun.integrations.tracking.ParcelStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One scan of an order's parcel by the express carrier, as the aggregator pushed it. Never changed once kept. */
@Entity
@Immutable
@Table(name = "parcel_scan")
public class CarrierScan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Column(name = "scanned_at", nullable = false, updatable = false)
    private Instant scannedAt;

    @Column(nullable = false, updatable = false)
    private String area;

    /** The carrier's words with every run of 7 or more digits masked. */
    @Column(nullable = false, updatable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ParcelStage stage;

    @Column(name = "aggregator_state", nullable = false, updatable = false)
    private String aggregatorState;

    @Column(name = "scan_key", nullable = false, updatable = false)
    private String scanKey;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected CarrierScan() {
    }

    CarrierScan(Long orderId, Instant scannedAt, String area, String description, ParcelStage stage,
                String aggregatorState, String scanKey, Instant receivedAt) {
        this.orderId = orderId;
        this.scannedAt = scannedAt;
        this.area = area.length() > 200 ? area.substring(0, 200) : area;
        this.description = description.length() > 1000 ? description.substring(0, 1000) : description;
        this.stage = stage;
        this.aggregatorState = aggregatorState.length() > 20 ? aggregatorState.substring(0, 20) : aggregatorState;
        this.scanKey = scanKey;
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    public Long orderId() {
        return orderId;
    }

    public Instant scannedAt() {
        return scannedAt;
    }

    public String area() {
        return area;
    }

    public String description() {
        return description;
    }

    public ParcelStage stage() {
        return stage;
    }

    public String aggregatorState() {
        return aggregatorState;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
