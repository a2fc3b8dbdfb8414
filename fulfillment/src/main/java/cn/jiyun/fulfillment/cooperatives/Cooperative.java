package cn.jiyun.fulfillment.cooperatives;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.time.Instant;

/** A cooperative of producers that ships through Jiyun; the tenant every other row belongs to. */
@Entity
@Table(name = "cooperative")
public class Cooperative {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** The area the cooperative collects from; producers outside it are refused. */
    @Column(name = "service_area", nullable = false)
    private Polygon serviceArea;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When an operator suspended it; {@code null} while it is active. */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "suspension_reason")
    private String suspensionReason;

    protected Cooperative() {
    }

    public Cooperative(String name, Polygon serviceArea) {
        this.name = name;
        this.serviceArea = serviceArea;
        this.createdAt = Instant.now();
    }

    public boolean serves(Point location) {
        return serviceArea.covers(location);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Polygon serviceArea() {
        return serviceArea;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Its users cannot log in and its shops are not polled until it is resumed; nothing of it is deleted. */
    void suspend(String reason, Instant at) {
        this.suspendedAt = at;
        this.suspensionReason = reason;
    }

    void resume() {
        this.suspendedAt = null;
        this.suspensionReason = null;
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public String suspensionReason() {
        return suspensionReason;
    }
}
