package cn.jiyun.routing.dispatch;

import java.util.List;
import java.util.Map;

import cn.jiyun.routing.HeldParcel;
import cn.jiyun.routing.PlanningProblem;

/**
 * A policy's decision: the problem to solve now (the parcels it holds taken out, the settings it plans with) and the
 * parcels it holds, with their last day and why. {@code collectedNowShare} gives, for the sample-scenario policy,
 * the share of the last round's futures that collected each optional parcel now (empty for the others).
 * {@code laterVisitFen} gives, per producer with optional parcels, what the futures estimate fetching it after the
 * horizon costs (fen); the plan adds it to the holding price of that producer's optional stops (empty: the flat
 * price alone).
 */
public record DispatchDecision(DispatchPolicy policy, PlanningProblem problem, List<HeldParcel> held,
        Map<String, Double> collectedNowShare, int scenariosSolved, Map<String, Long> laterVisitFen) {

    public DispatchDecision {
        held = List.copyOf(held);
        collectedNowShare = Map.copyOf(collectedNowShare);
        laterVisitFen = Map.copyOf(laterVisitFen);
    }

    /** A decision that prices holding at the flat price alone. */
    public DispatchDecision(DispatchPolicy policy, PlanningProblem problem, List<HeldParcel> held,
            Map<String, Double> collectedNowShare, int scenariosSolved) {
        this(policy, problem, held, collectedNowShare, scenariosSolved, Map.of());
    }
}
