package cn.jiyun.fulfillment.planning;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** A pickup plan for some of a cooperative's hubs over one to three days. */
@Entity(name = "PickupPlan")
@Table(name = "plan")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(name = "hub_ids", nullable = false, updatable = false)
    private String hubIds;

    @Column(name = "first_day", nullable = false, updatable = false)
    private LocalDate firstDay;

    @Column(nullable = false, updatable = false)
    private int days;

    /** The time limit asked for, to the millisecond. */
    @Column(nullable = false, updatable = false, precision = 8, scale = 3)
    private BigDecimal seconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    private String score;

    private Boolean feasible;

    @Column(name = "cost_fen")
    private Long costFen;

    @Column(name = "baseline_cost_fen")
    private Long baselineCostFen;

    @Column(name = "parcel_count", nullable = false)
    private int parcelCount;

    /** The savings report and totals, as JSON. */
    @Column(name = "summary_json")
    private String summaryJson;

    @Column(name = "unassigned_json")
    private String unassignedJson;

    private String failure;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "solved_at")
    private Instant solvedAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    /** The dispatch policy the plan was made with (null: made before plans had one, i.e. greedy). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "dispatch_policy", updatable = false)
    private cn.jiyun.routing.dispatch.DispatchPolicy policy;

    @Column(name = "courier_remainder", updatable = false)
    private Boolean courierRemainder;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<PlanRoute> routes = new ArrayList<>();

    @Version
    private long version;

    protected Plan() {
    }

    Plan(Long cooperativeId, List<Long> hubIds, LocalDate firstDay, int days, BigDecimal seconds, int parcelCount,
         String createdBy, Instant now, cn.jiyun.routing.dispatch.DispatchPolicy policy, boolean courierRemainder) {
        this.policy = policy;
        this.courierRemainder = courierRemainder;
        this.cooperativeId = cooperativeId;
        this.hubIds = hubIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.firstDay = firstDay;
        this.days = days;
        this.seconds = seconds;
        this.parcelCount = parcelCount;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = PlanStatus.SOLVING;
    }

    void solved(String score, boolean feasible, long costFen, long baselineCostFen, String summaryJson,
                String unassignedJson, List<PlanRoute> newRoutes, Instant now) {
        this.score = score;
        this.feasible = feasible;
        this.costFen = costFen;
        this.baselineCostFen = baselineCostFen;
        this.summaryJson = summaryJson;
        this.unassignedJson = unassignedJson;
        routes.clear();
        for (int i = 0; i < newRoutes.size(); i++) {
            PlanRoute route = newRoutes.get(i);
            route.attach(this, i + 1);
            routes.add(route);
        }
        this.status = PlanStatus.DONE;
        this.solvedAt = now;
    }

    public cn.jiyun.routing.dispatch.DispatchPolicy policy() {
        return policy == null ? cn.jiyun.routing.dispatch.DispatchPolicy.GREEDY : policy;
    }

    public boolean courierRemainder() {
        return Boolean.TRUE.equals(courierRemainder);
    }

    void failed(String why, Instant now) {
        this.status = PlanStatus.FAILED;
        this.failure = why;
        this.solvedAt = now;
    }

    void approved(Instant now) {
        if (status != PlanStatus.DONE) {
            throw new IllegalStateException("only a finished plan can be approved; this one is " + status);
        }
        this.status = PlanStatus.APPROVED;
        this.approvedAt = now;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public List<Long> hubIds() {
        return Arrays.stream(hubIds.split(",")).map(Long::valueOf).toList();
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public int days() {
        return days;
    }

    public BigDecimal seconds() {
        return seconds;
    }

    public PlanStatus status() {
        return status;
    }

    public String score() {
        return score;
    }

    public Boolean feasible() {
        return feasible;
    }

    public Long costFen() {
        return costFen;
    }

    public Long baselineCostFen() {
        return baselineCostFen;
    }

    public int parcelCount() {
        return parcelCount;
    }

    public String summaryJson() {
        return summaryJson;
    }

    public String unassignedJson() {
        return unassignedJson;
    }

    public String failure() {
        return failure;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant solvedAt() {
        return solvedAt;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public List<PlanRoute> routes() {
        return Collections.unmodifiableList(routes);
    }
}
