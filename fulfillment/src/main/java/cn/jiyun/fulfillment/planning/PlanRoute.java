package cn.jiyun.fulfillment.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One vehicle's pickup route on one day of a plan; its id addresses the courier's manifest. */
@Entity
@Table(name = "plan_route")
public class PlanRoute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(nullable = false)
    private int seq;

    @Column(name = "vehicle_id", nullable = false)
    private Long vehicleId;

    @Column(name = "hub_id", nullable = false)
    private Long hubId;

    @Column(name = "route_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private Instant departure;

    @Column(name = "return_at", nullable = false)
    private Instant returnAt;

    @Column(nullable = false)
    private long metres;

    @Column(name = "cost_fen", nullable = false)
    private long costFen;

    @Column(name = "stops_json", nullable = false)
    private String stopsJson;

    /** The courier who drives this route once the plan is approved. */
    @Column(name = "courier_user_id")
    private Long courierUserId;

    protected PlanRoute() {
    }

    PlanRoute(Long vehicleId, Long hubId, LocalDate day, Instant departure, Instant returnAt, long metres,
              long costFen, String stopsJson) {
        this.vehicleId = vehicleId;
        this.hubId = hubId;
        this.day = day;
        this.departure = departure;
        this.returnAt = returnAt;
        this.metres = metres;
        this.costFen = costFen;
        this.stopsJson = stopsJson;
    }

    void attach(Plan plan, int seq) {
        this.plan = plan;
        this.seq = seq;
    }

    public Long id() {
        return id;
    }

    public Plan plan() {
        return plan;
    }

    public Long vehicleId() {
        return vehicleId;
    }

    public Long hubId() {
        return hubId;
    }

    public LocalDate day() {
        return day;
    }

    public Instant departure() {
        return departure;
    }

    public Instant returnAt() {
        return returnAt;
    }

    public long metres() {
        return metres;
    }

    public long costFen() {
        return costFen;
    }

    public String stopsJson() {
        return stopsJson;
    }

    public Long courierUserId() {
        return courierUserId;
    }

    void assignCourier(Long userId) {
        this.courierUserId = userId;
    }
}
