package cn.jiyun.routing;

/** Told of every new best plan while solving; called on the solver thread, so hand the work off quickly. */
@FunctionalInterface
public interface BestPlanListener {

    void onBestPlan(PlanProgress progress);
}
