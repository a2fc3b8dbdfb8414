package cn.jiyun.routing;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.travel.GreatCircleMatrixSource;

/** For tests in other packages: a problem compiled into the solver's working plan, as the planner would. */
public final class CompiledPlans {

    private CompiledPlans() {
    }

    public static PickupPlan compile(PlanningProblem problem) {
        return CompiledProblem.compile(problem, new GreatCircleMatrixSource()).plan;
    }
}
