package cn.jiyun.routing.solver;

import java.time.Duration;

import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import cn.jiyun.routing.domain.PickupPlan;

/** Builds solvers from the one configuration, {@code solverConfig.xml}, with a per-run termination. */
public final class PickupSolverFactory {

    public static final String SOLVER_CONFIG = "cn/jiyun/routing/solverConfig.xml";

    private PickupSolverFactory() {
    }

    /** The configuration as shipped, without termination. */
    public static SolverConfig baseConfig() {
        return SolverConfig.createFromXmlResource(SOLVER_CONFIG, PickupSolverFactory.class.getClassLoader());
    }

    /**
     * A solver that stops after {@code timeLimit}, or earlier once the best score has not improved for
     * {@code unimprovedLimit} (null: never early).
     */
    public static Solver<PickupPlan> create(Duration timeLimit, Duration unimprovedLimit) {
        TerminationConfig termination = new TerminationConfig().withMillisecondsSpentLimit(timeLimit.toMillis());
        if (unimprovedLimit != null) {
            termination.setUnimprovedMillisecondsSpentLimit(unimprovedLimit.toMillis());
        }
        SolverConfig config = baseConfig().withTerminationConfig(termination);
        return SolverFactory.<PickupPlan>create(config).buildSolver();
    }
}
