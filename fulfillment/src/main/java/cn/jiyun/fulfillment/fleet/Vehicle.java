package cn.jiyun.fulfillment.fleet;

import cn.jiyun.fulfillment.store.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalTime;

/** A van or truck based at a hub: its capacities, its costs in fen and its daily shift (local time). */
@Entity
@Table(name = "vehicle")
public class Vehicle extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(name = "home_hub_id", nullable = false)
    private Long homeHubId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String plate;

    @Column(name = "capacity_kg", nullable = false)
    private int capacityKg;

    @Column(name = "capacity_litres", nullable = false)
    private int capacityLitres;

    @Column(nullable = false)
    private boolean refrigerated;

    @Column(name = "cost_per_km_fen", nullable = false)
    private long costPerKmFen;

    @Column(name = "fixed_cost_per_day_fen", nullable = false)
    private long fixedCostPerDayFen;

    @Column(name = "shift_start", nullable = false)
    private LocalTime shiftStart;

    @Column(name = "shift_end", nullable = false)
    private LocalTime shiftEnd;

    /** The courier who usually drives it; an approved route is assigned to them. */
    @Column(name = "driver_user_id")
    private Long driverUserId;

    protected Vehicle() {
    }

    public Vehicle(Long cooperativeId, VehicleDetails details) {
        this.cooperativeId = cooperativeId;
        update(details);
    }

    public final void update(VehicleDetails d) {
        if (!d.shiftStart().isBefore(d.shiftEnd())) {
            throw new IllegalArgumentException("a shift must start before it ends");
        }
        this.homeHubId = d.homeHubId();
        this.name = d.name();
        this.plate = d.plate();
        this.capacityKg = d.capacityKg();
        this.capacityLitres = d.capacityLitres();
        this.refrigerated = d.refrigerated();
        this.costPerKmFen = d.costPerKmFen();
        this.fixedCostPerDayFen = d.fixedCostPerDayFen();
        this.shiftStart = d.shiftStart();
        this.shiftEnd = d.shiftEnd();
        this.driverUserId = d.driverUserId();
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public Long homeHubId() {
        return homeHubId;
    }

    public String name() {
        return name;
    }

    public String plate() {
        return plate;
    }

    public int capacityKg() {
        return capacityKg;
    }

    public int capacityLitres() {
        return capacityLitres;
    }

    public boolean refrigerated() {
        return refrigerated;
    }

    public long costPerKmFen() {
        return costPerKmFen;
    }

    public long fixedCostPerDayFen() {
        return fixedCostPerDayFen;
    }

    public LocalTime shiftStart() {
        return shiftStart;
    }

    public LocalTime shiftEnd() {
        return shiftEnd;
    }

    /** The courier who drives it from now on ({@code null}: no one). */
    public void assignDriver(Long userId) {
        this.driverUserId = userId;
    }

    public Long driverUserId() {
        return driverUserId;
    }
}
