package cn.jiyun.fulfillment.hubs;

import cn.jiyun.fulfillment.store.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;

import java.time.LocalTime;

/**
 * A county logistics hub: its opening hours, and the carrier cut-off by which a day's parcels must
 * be there to leave on that day's trunk. Times are local (Asia/Shanghai).
 */
@Entity
@Table(name = "hub")
public class Hub extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(nullable = false)
    private String name;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private Point location;

    @Column(name = "opens_at", nullable = false)
    private LocalTime opensAt;

    @Column(name = "closes_at", nullable = false)
    private LocalTime closesAt;

    @Column(name = "carrier_cutoff", nullable = false)
    private LocalTime carrierCutoff;

    protected Hub() {
    }

    public Hub(Long cooperativeId, String name, String countyCode, String address, Point location,
               LocalTime opensAt, LocalTime closesAt, LocalTime carrierCutoff) {
        this.cooperativeId = cooperativeId;
        update(name, countyCode, address, location, opensAt, closesAt, carrierCutoff);
    }

    public final void update(String name, String countyCode, String address, Point location,
                             LocalTime opensAt, LocalTime closesAt, LocalTime carrierCutoff) {
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("a hub must open before it closes");
        }
        if (carrierCutoff.isBefore(opensAt) || carrierCutoff.isAfter(closesAt)) {
            throw new IllegalArgumentException("the carrier cut-off must fall within opening hours");
        }
        this.name = name;
        this.countyCode = countyCode;
        this.address = address;
        this.location = location;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.carrierCutoff = carrierCutoff;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public String name() {
        return name;
    }

    public String countyCode() {
        return countyCode;
    }

    public String address() {
        return address;
    }

    public Point location() {
        return location;
    }

    public LocalTime opensAt() {
        return opensAt;
    }

    public LocalTime closesAt() {
        return closesAt;
    }

    public LocalTime carrierCutoff() {
        return carrierCutoff;
    }
}
