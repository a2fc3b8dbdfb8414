package cn.jiyun.routing.domain;

import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The working solution: every vehicle-day of the horizon (plus the unassigned bucket) and every pickup stop. */
@PlanningSolution
public class PickupPlan {

    @ProblemFactProperty
    private TravelTimes travel;

    @PlanningEntityCollectionProperty
    private List<VehicleDay> vehicleDays;

    // A fact collection although PickupStop is an entity (for its shadow variables): OptaPlanner 9.44 would
    // otherwise read the list variable off every stop when counting unassigned values, and fail.
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "stopRange")
    private List<PickupStop> stops;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** Time for the custom search phases; null: they do only what needs no time budget. Not part of the problem. */
    private SearchBudget searchBudget;

    public PickupPlan() {
    }

    public PickupPlan(TravelTimes travel, List<VehicleDay> vehicleDays, List<PickupStop> stops) {
        this.travel = travel;
        this.vehicleDays = vehicleDays;
        this.stops = stops;
    }

    public VehicleDay unassignedBucket() {
        return vehicleDays.stream().filter(VehicleDay::isUnassignedBucket).findFirst()
                .orElseThrow(() -> new IllegalStateException("plan has no unassigned bucket"));
    }

    public TravelTimes getTravel() {
        return travel;
    }

    public List<VehicleDay> getVehicleDays() {
        return vehicleDays;
    }

    public List<PickupStop> getStops() {
        return stops;
    }

    public SearchBudget getSearchBudget() {
        return searchBudget;
    }

    public void setSearchBudget(SearchBudget searchBudget) {
        this.searchBudget = searchBudget;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
