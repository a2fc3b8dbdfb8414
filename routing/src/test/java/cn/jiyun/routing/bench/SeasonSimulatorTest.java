package cn.jiyun.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.PlanningSettings;
import cn.jiyun.routing.dispatch.DispatchPolicy;
import cn.jiyun.routing.dispatch.ScenarioSettings;

/** A short season on one hub: what a policy holds is carried to the next evening and collected by its last day. */
class SeasonSimulatorTest {

    private static final int DAYS = 3;

    private final PickupPlanner planner = new PickupPlanner();

    @AfterEach
    void close() {
        planner.close();
    }

    @Test
    void heldParcelsAreCarriedOverAndCollectedInTimeWhateverThePolicy() {
        PlanningProblem cooperative = SeasonBenchmark.cooperative(5, 1, 25, 2, 2, PlanningSettings.HOLDING_COST_PER_PARCEL_DAY_FEN);
        SeasonDemand demand = SeasonDemand.generate(5, cooperative.producers(),
                SeasonBenchmark.FIRST_DAY.minusDays(SeasonSimulator.HISTORY_DAYS),
                DAYS + SeasonSimulator.HISTORY_DAYS, 1.5);
        int ordered = IntStream.range(0, DAYS)
                .map(d -> demand.readyOn(SeasonBenchmark.FIRST_DAY.plusDays(d)).size()).sum();
        SeasonSimulator simulator = new SeasonSimulator(cooperative, demand, SeasonBenchmark.FIRST_DAY, DAYS,
                Duration.ofMillis(400), ScenarioSettings.DEFAULTS.withPerScenario(Duration.ofMillis(200)), planner);

        SeasonSimulator.Result greedy = simulator.run(DispatchPolicy.GREEDY, 5);
        SeasonSimulator.Result lazy = simulator.run(DispatchPolicy.LAZY, 5);

        assertThat(ordered).isGreaterThan(50);
        for (SeasonSimulator.Result result : new SeasonSimulator.Result[] { greedy, lazy }) {
            assertThat(result.parcelsCollected()).isEqualTo(ordered);
            assertThat(result.lateParcels()).isZero();
            assertThat(result.planViolations()).isZero();
        }
        // greedy collects each parcel the day it is ready; lazy carries ambient parcels over to their last day
        assertThat(greedy.maxWaitDays()).isZero();
        assertThat(lazy.meanWaitDays()).isGreaterThan(0.5);
        assertThat(lazy.maxWaitDays()).isBetween(1, 2);
        // and, with no more orders after the season, plans on until the last held parcel is collected
        assertThat(lazy.daily().size()).isGreaterThan(DAYS);
        assertThat(lazy.daily().get(lazy.daily().size() - 1).parcels()).isPositive();
    }
}
