package cn.jiyun.routing.solver;

import static cn.jiyun.routing.solver.Routes.HOUR;
import static cn.jiyun.routing.solver.Routes.MINUTE;
import static cn.jiyun.routing.solver.Routes.stop;
import static cn.jiyun.routing.solver.Routes.van;
import static cn.jiyun.routing.solver.Routes.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.VehicleDay;

class CheapestInsertionPhaseTest {

    /** The construction alone, in FULL_ASSERT so its notifications are checked against a fresh calculation. */
    private static PickupPlan construct(PickupPlan plan) {
        SolverConfig config = PickupSolverFactory.baseConfig().withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(
                        List.of(CheapestInsertionPhase.class)));
        return SolverFactory.<PickupPlan>create(config).buildSolver().solve(plan);
    }

    @Test
    void placesEachStopWithoutBreakingAHardRuleAndLeavesOutWhatNoRouteCanTake() {
        PickupStop morning = stop("morning", 5, 1_000).withWindow(0, 9 * HOUR, 5 * MINUTE);
        PickupStop near = stop("near", 1, 1_000);
        PickupStop middle = stop("middle", 3, 1_000);
        // 08:00 start: location 5 is 50 minutes away, so a window closing at 08:30 cannot be met by anyone.
        PickupStop impossible = stop("impossible", 5, 1_000).withWindow(0, 8 * HOUR + 30 * MINUTE, 0);
        PickupStop cold = stop("cold", 2, 1_000).withChilled(2 * HOUR);
        PickupStop tomorrow = stop("tomorrow", 4, 1_000).withDays(1, PickupStop.NEVER);
        PickupStop heavy = stop("heavy", 4, 900_000);
        VehicleDay van = van("van", 0);
        VehicleDay reefer = vehicle("reefer", 0, 1_000_000, 1_000_000, true);
        VehicleDay vanTomorrow = van("van", 1);
        VehicleDay bucket = VehicleDay.unassignedBucket();
        PickupPlan plan = new PickupPlan(Routes.LINE, List.of(van, reefer, vanTomorrow, bucket),
                List.of(morning, near, middle, impossible, cold, tomorrow, heavy));

        PickupPlan built = construct(plan);

        assertThat(built.getScore().hardScore()).isZero();
        VehicleDay builtBucket = built.unassignedBucket();
        assertThat(builtBucket.getStops()).extracting(PickupStop::getId).containsExactly("impossible");
        assertThat(built.getStops()).filteredOn(stop -> !stop.getId().equals("impossible"))
                .allMatch(PickupStop::isAssigned);
        PickupStop builtCold = built.getStops().stream().filter(stop -> stop.getId().equals("cold")).findFirst()
                .orElseThrow();
        assertThat(builtCold.getVehicleDay().isRefrigerated()).isTrue();
        PickupStop builtTomorrow = built.getStops().stream().filter(stop -> stop.getId().equals("tomorrow"))
                .findFirst().orElseThrow();
        assertThat(builtTomorrow.getVehicleDay().getDay()).isEqualTo(1);
    }
}
