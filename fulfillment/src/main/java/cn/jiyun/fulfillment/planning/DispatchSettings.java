package cn.jiyun.fulfillment.planning;

import cn.jiyun.routing.dispatch.DispatchPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * How a cooperative plans over days: its dispatch policy, what a parcel's day of waiting costs, whether a small
 * remainder may go to the per-parcel courier, and when (if at all) tomorrow is planned each evening.
 */
@Entity
@Table(name = "dispatch_settings")
public class DispatchSettings {

    @Id
    @Column(name = "cooperative_id")
    private Long cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "dispatch_policy", nullable = false)
    private DispatchPolicy policy;

    @Column(name = "holding_cost_per_parcel_day_fen", nullable = false)
    private long holdingCostPerParcelDayFen;

    @Column(name = "courier_remainder", nullable = false)
    private boolean courierRemainder;

    /** When the evening plan of tomorrow starts (Asia/Shanghai); null: no evening plan. */
    @Column(name = "evening_plan_at")
    private LocalTime eveningPlanAt;

    @Column(name = "evening_plan_days", nullable = false)
    private int eveningPlanDays;

    @Column(name = "evening_plan_seconds", nullable = false)
    private int eveningPlanSeconds;

    @Column(name = "last_evening_plan_on")
    private LocalDate lastEveningPlanOn;

    protected DispatchSettings() {
    }

    DispatchSettings(Long cooperativeId, DispatchPolicy policy, long holdingCostPerParcelDayFen,
                     boolean courierRemainder, LocalTime eveningPlanAt, int eveningPlanDays, int eveningPlanSeconds) {
        this.cooperativeId = cooperativeId;
        change(policy, holdingCostPerParcelDayFen, courierRemainder, eveningPlanAt, eveningPlanDays,
                eveningPlanSeconds);
    }

    void change(DispatchPolicy newPolicy, long holdingCost, boolean remainder, LocalTime planAt, int planDays,
                int planSeconds) {
        this.policy = newPolicy;
        this.holdingCostPerParcelDayFen = holdingCost;
        this.courierRemainder = remainder;
        this.eveningPlanAt = planAt;
        this.eveningPlanDays = planDays;
        this.eveningPlanSeconds = planSeconds;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public DispatchPolicy policy() {
        return policy;
    }

    public long holdingCostPerParcelDayFen() {
        return holdingCostPerParcelDayFen;
    }

    public boolean courierRemainder() {
        return courierRemainder;
    }

    public LocalTime eveningPlanAt() {
        return eveningPlanAt;
    }

    public int eveningPlanDays() {
        return eveningPlanDays;
    }

    public int eveningPlanSeconds() {
        return eveningPlanSeconds;
    }

    public LocalDate lastEveningPlanOn() {
        return lastEveningPlanOn;
    }
}
