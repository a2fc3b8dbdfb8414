package cn.jiyun.routing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

import cn.jiyun.routing.CompiledPlans;
import cn.jiyun.routing.GeoPoint;
import cn.jiyun.routing.Hub;
import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.PinnedStop;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.PlanningSettings;
import cn.jiyun.routing.Producer;
import cn.jiyun.routing.Vehicle;
import cn.jiyun.routing.bench.BenchmarkInstance;
import cn.jiyun.routing.bench.BenchmarkInstance.Convention;
import cn.jiyun.routing.bench.BenchmarkInstance.Node;
import cn.jiyun.routing.bench.BenchmarkModel;
import cn.jiyun.routing.ningxia.NingxiaInstance;
import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.SearchBudget;
import cn.jiyun.routing.domain.VehicleDay;

class RuinAndRecreatePhaseTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);

    private static PickupPlan solve(PickupPlan plan, boolean ruinAndRecreate, long millis) {
        return solve(plan, ruinAndRecreate, millis, 1);
    }

    /** The construction, then (when asked) the ruin-and-recreate phase, in FULL_ASSERT: every announcement checked. */
    private static PickupPlan solve(PickupPlan plan, boolean ruinAndRecreate, long millis, int searches) {
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(CheapestInsertionPhase.class)));
        phases.add(new ConstructionHeuristicPhaseConfig());
        if (ruinAndRecreate) {
            phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(RuinAndRecreatePhase.class)));
        }
        SolverConfig config = PickupSolverFactory.baseConfig().withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(phases.toArray(PhaseConfig[]::new));
        // the phase takes its share (0.9 by default) of the time to the deadline
        plan.setSearchBudget(new SearchBudget(System.nanoTime() + millis * 1_000_000, 0, () -> false, searches));
        return SolverFactory.<PickupPlan>create(config).buildSolver().solve(plan);
    }

    private static PickupPlan ningxia() {
        // two days, one hub, chilled producers, volume and weight capacities, ship-by deadlines
        return CompiledPlans.compile(NingxiaInstance.generate(3, 90, 4, 2, FIRST_DAY));
    }

    @Test
    void improvesOnTheConstructionWithoutBreakingAHardRule() {
        HardMediumSoftLongScore constructed = solve(ningxia(), false, 0).getScore();

        PickupPlan searched = solve(ningxia(), true, 1_500);

        HardMediumSoftLongScore score = searched.getScore();
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isGreaterThanOrEqualTo(constructed.mediumScore());
        assertThat(score).isGreaterThan(constructed);
    }

    @Test
    void twoSearchesSideBySideHandBackTheBetterPlanIntact() {
        HardMediumSoftLongScore constructed = solve(ningxia(), false, 0).getScore();

        PickupPlan searched = solve(ningxia(), true, 1_000, 2);

        assertThat(searched.getScore().hardScore()).isZero();
        assertThat(searched.getScore()).isGreaterThan(constructed);
        StringRemovalSearch reading = new StringRemovalSearch(searched, 1);
        assertThat(-reading.bestSoft()).isEqualTo(searched.getScore().softScore());
    }

    @Test
    void itsArithmeticAgreesWithTheConstraints() {
        PickupPlan searched = solve(ningxia(), true, 1_000);

        // Read back by a fresh search: its own cost of the solved plan must be the constraints' score.
        StringRemovalSearch reading = new StringRemovalSearch(searched, 1);
        assertThat(-reading.bestSoft()).isEqualTo(searched.getScore().softScore());
        assertThat(-reading.bestMedium()).isEqualTo(searched.getScore().mediumScore());
    }

    @Test
    void itsArithmeticAgreesWithTheConstraintsWhenParcelsMayWaitOrGoToTheCourier() {
        // one day of a two-day instance: tomorrow's deadlines make many of today's parcels optional
        PlanningProblem generated = NingxiaInstance.generate(3, 90, 4, 2, FIRST_DAY);
        PlanningProblem oneDay = new PlanningProblem(FIRST_DAY, 1, generated.hubs(), generated.vehicles(),
                generated.producers(), generated.parcels().stream()
                        .filter(parcel -> parcel.readyDay().equals(FIRST_DAY)).toList(), List.of(),
                PlanningSettings.DEFAULTS.withHolding(true).withCourierRemainder(true));
        PickupPlan searched = solve(CompiledPlans.compile(oneDay), true, 1_000);

        StringRemovalSearch reading = new StringRemovalSearch(searched, 1);
        assertThat(-reading.bestSoft()).isEqualTo(searched.getScore().softScore());
        assertThat(-reading.bestMedium()).isEqualTo(searched.getScore().mediumScore());
        assertThat(searched.getScore().mediumScore()).isZero();
        assertThat(searched.unassignedBucket().getStops()).isNotEmpty().allMatch(PickupStop::isLeftAtCost);
    }

    @Test
    void shortensATimeWindowInstanceBuiltByGreedyInsertion() {
        BenchmarkInstance instance = randomVrptw(7, 30);
        PickupPlan constructed = solve(BenchmarkModel.toPlan(instance), false, 0);

        PickupPlan searched = solve(BenchmarkModel.toPlan(instance), true, 1_500);

        assertThat(searched.getScore().hardScore()).isZero();
        assertThat(searched.getScore().mediumScore()).isGreaterThanOrEqualTo(constructed.getScore().mediumScore());
        assertThat(searched.getScore().softScore()).isGreaterThan(constructed.getScore().softScore());
    }

    @Test
    void leavesPinnedStopsWhereAPersonPutThem() {
        PlanningProblem generated = NingxiaInstance.generate(3, 90, 4, 2, FIRST_DAY);
        // a person fixed two producers as the first visits of vehicle-01 today, and a third to tomorrow
        List<String> dry = generated.parcels().stream().filter(parcel -> !parcel.chilled())
                .filter(parcel -> parcel.readyDay().equals(FIRST_DAY)).map(Parcel::producerId).distinct().limit(3)
                .toList();
        List<PinnedStop> pins = List.of(new PinnedStop(dry.get(0), "vehicle-01", FIRST_DAY, 0),
                new PinnedStop(dry.get(1), "vehicle-01", FIRST_DAY, 1),
                PinnedStop.onDay(dry.get(2), FIRST_DAY.plusDays(1)));
        PlanningProblem problem = new PlanningProblem(generated.firstDay(), generated.days(), generated.hubs(),
                generated.vehicles(), generated.producers(), generated.parcels(), pins, generated.settings());

        PickupPlan searched = solve(CompiledPlans.compile(problem), true, 1_000);

        assertThat(searched.getScore().hardScore()).isZero();
        VehicleDay route = searched.getVehicleDays().stream()
                .filter(vehicleDay -> vehicleDay.getId().equals("vehicle-01@0")).findFirst().orElseThrow();
        assertThat(route.getStops().subList(0, 2)).extracting(PickupStop::getProducerId)
                .containsExactly(dry.get(0), dry.get(1));
        assertThat(searched.getStops()).filteredOn(stop -> stop.getProducerId().equals(dry.get(2)))
                .filteredOn(PickupStop::isDayPinned)
                .allSatisfy(stop -> assertThat(stop.getVehicleDay().getDay()).isEqualTo(1));
    }

    @Test
    void doesNothingWithoutABudget() {
        PickupPlan plan = ningxia();
        HardMediumSoftLongScore constructed = solve(ningxia(), false, 0).getScore();
        List<PhaseConfig> phases = List.of(
                new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(CheapestInsertionPhase.class)),
                new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(RuinAndRecreatePhase.class)));
        SolverConfig config = PickupSolverFactory.baseConfig().withPhases(phases.toArray(PhaseConfig[]::new));

        PickupPlan solved = SolverFactory.<PickupPlan>create(config).buildSolver().solve(plan);

        assertThat(solved.getScore()).isEqualTo(constructed);
    }

    @Test
    void minimisingTheFleetEmptiesRoutesUntilTheLoadNeedsAllThatAreLeft() {
        // Twelve producers near the hub, a 250-kg parcel each: a van takes three, so four vans are enough. A plan that
        // spreads them over six vans, two each, is where minimising the fleet starts.
        Hub hub = new Hub("yongning", "永宁县集运站", new GeoPoint(38.277, 106.245), "640121", LocalTime.of(18, 0));
        List<Vehicle> vans = new ArrayList<>();
        for (int v = 1; v <= 6; v++) {
            vans.add(new Vehicle("van-" + v, hub.id(), 800_000, 4_000_000, false, 150, 8_000, 0, LocalTime.of(8, 0),
                    LocalTime.of(18, 0)));
        }
        List<Producer> producers = new ArrayList<>();
        List<Parcel> parcels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double angle = i * 0.5;
            producers.add(new Producer("p" + i, "farm " + i, new GeoPoint(38.277 + 0.05 * Math.sin(angle),
                    106.245 + 0.06 * Math.cos(angle)), "640121", LocalTime.of(8, 0), LocalTime.of(17, 0),
                    Duration.ofMinutes(5)));
            parcels.add(new Parcel("p" + i + "-box", "p" + i, 250_000, 600_000, false, FIRST_DAY, null));
        }
        PickupPlan plan = CompiledPlans.compile(new PlanningProblem(FIRST_DAY, 1, List.of(hub), vans, producers,
                parcels, List.of(), PlanningSettings.DEFAULTS));
        List<VehicleDay> routes = plan.getVehicleDays().stream().filter(route -> !route.isUnassignedBucket())
                .toList();
        for (int s = 0; s < plan.getStops().size(); s++) {
            routes.get(s % routes.size()).getStops().add(plan.getStops().get(s));
        }
        StringRemovalSearch search = new StringRemovalSearch(plan, 1);
        assertThat(search.usedRoutes()).isEqualTo(6);

        search.minimiseFleet(System.nanoTime() + 20_000_000_000L, SearchBudget.until(Long.MAX_VALUE));

        // it stops at four, which the load needs, without waiting for its deadline to try three
        assertThat(search.usedRoutes()).isEqualTo(4);
        assertThat(search.bestUnassigned()).isEmpty();
        assertThat(search.bestRoutes()).filteredOn(route -> !route.isEmpty()).hasSize(4)
                .allSatisfy(route -> assertThat(route).hasSize(3));
        assertThat(search.bestRoutes().stream().mapToInt(List::size).sum()).isEqualTo(12);
    }

    static BenchmarkInstance randomVrptw(long seed, int customers) {
        Random random = new Random(seed);
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(0, 50, 50, 0, 0, 400, 0));
        for (int i = 1; i <= customers; i++) {
            double ready = random.nextInt(200);
            nodes.add(new Node(i, random.nextInt(100), random.nextInt(100), 5 + random.nextInt(20), ready,
                    ready + 40 + random.nextInt(80), 10));
        }
        return new BenchmarkInstance("random-" + customers, Convention.SOLOMON, 12, 100, nodes);
    }
}
