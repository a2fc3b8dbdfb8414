package cn.jiyun.routing.solver;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import cn.jiyun.routing.domain.PickupPlan;

/**
 * Builds solvers from the one configuration, {@code solverConfig.xml}, with a per-run termination. The configuration
 * is parsed once and the solver factories of the last few terminations are kept: parsing and validating the XML and
 * reading the domain model took a good part of a quick answer's second.
 */
public final class PickupSolverFactory {

    public static final String SOLVER_CONFIG = "cn/jiyun/routing/solverConfig.xml";
    private static final int CACHED_FACTORIES = 16;

    private static final SolverConfig BASE = SolverConfig.createFromXmlResource(SOLVER_CONFIG,
            PickupSolverFactory.class.getClassLoader());
    private static final Map<List<Long>, SolverFactory<PickupPlan>> FACTORIES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Long>, SolverFactory<PickupPlan>> eldest) {
            return size() > CACHED_FACTORIES;
        }
    };

    private PickupSolverFactory() {
    }

    /** The configuration as shipped, without termination (a copy: change it freely). */
    public static SolverConfig baseConfig() {
        return BASE.copyConfig();
    }

    /**
     * A solver that stops after {@code timeLimit}, or earlier once the best score has not improved for
     * {@code unimprovedLimit} (null: never early).
     */
    public static Solver<PickupPlan> create(Duration timeLimit, Duration unimprovedLimit) {
        List<Long> key = Arrays.asList(timeLimit.toMillis(),
                unimprovedLimit == null ? null : unimprovedLimit.toMillis());
        SolverFactory<PickupPlan> factory;
        synchronized (FACTORIES) {
            factory = FACTORIES.computeIfAbsent(key, k -> {
                TerminationConfig termination = new TerminationConfig()
                        .withMillisecondsSpentLimit(timeLimit.toMillis());
                if (unimprovedLimit != null) {
                    termination.setUnimprovedMillisecondsSpentLimit(unimprovedLimit.toMillis());
                }
                return SolverFactory.create(baseConfig().withTerminationConfig(termination));
            });
        }
        return factory.buildSolver();
    }
}
