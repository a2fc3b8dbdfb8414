package cn.jiyun.routing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import cn.jiyun.routing.bench.BenchmarkInstance;
import cn.jiyun.routing.bench.BenchmarkInstance.Convention;
import cn.jiyun.routing.bench.BenchmarkInstance.Node;
import cn.jiyun.routing.bench.BenchmarkModel;
import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.SearchBudget;

/** Runs the shipped configuration in FULL_ASSERT mode: the arrival/load listener and the constraints must agree. */
class SolverConsistencyTest {

    @Test
    void incrementalScoreMatchesAFreshCalculationAfterEveryMove() {
        Random random = new Random(7);
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(0, 50, 50, 0, 0, 400, 0));
        for (int i = 1; i <= 25; i++) {
            double ready = random.nextInt(200);
            nodes.add(new Node(i, random.nextInt(100), random.nextInt(100), 5 + random.nextInt(20), ready,
                    ready + 40 + random.nextInt(80), 10));
        }
        BenchmarkInstance instance = new BenchmarkInstance("random-25", Convention.SOLOMON, 6, 100, nodes);
        SolverConfig config = PickupSolverFactory.baseConfig()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(3_000L));

        PickupPlan plan = BenchmarkModel.toPlan(instance);
        // with a budget, so the ruin-and-recreate phase runs too (its share of the 3 s), then local search
        plan.setSearchBudget(SearchBudget.until(System.nanoTime() + 3_000_000_000L));

        PickupPlan solved = SolverFactory.<PickupPlan>create(config).buildSolver().solve(plan);

        assertThat(solved.getScore().isSolutionInitialized()).isTrue();
    }
}
