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
}
