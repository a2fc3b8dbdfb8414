package cn.jiyun.fulfillment.pickups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A stop of a route the courier passed by because the producer was absent. */
@Entity
@Immutable
@Table(name = "skipped_stop")
public class SkippedStop {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false)
    private Long cooperativeId;

    @Column(name = "route_id", nullable = false)
    private Long routeId;

    @Column(name = "stop_sequence", nullable = false)
    private int stopSequence;

    @Column(name = "producer_id", nullable = false)
    private Long producerId;

    private String reason;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SkippedStop() {
    }

    SkippedStop(Long cooperativeId, Long routeId, int stopSequence, Long producerId, String reason, String recordedBy,
                Instant recordedAt) {
        this.cooperativeId = cooperativeId;
        this.routeId = routeId;
        this.stopSequence = stopSequence;
        this.producerId = producerId;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long routeId() {
        return routeId;
    }

    public int stopSequence() {
        return stopSequence;
    }

    public Long producerId() {
        return producerId;
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
}
