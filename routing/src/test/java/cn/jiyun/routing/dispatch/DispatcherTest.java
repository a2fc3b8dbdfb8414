package cn.jiyun.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.jiyun.routing.GeoPoint;
import cn.jiyun.routing.HeldParcel;
import cn.jiyun.routing.Hub;
import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.PlanningSettings;
import cn.jiyun.routing.Producer;
import cn.jiyun.routing.Route;
import cn.jiyun.routing.Vehicle;

/** The policies' decisions on small seeded cases: which optional parcels go now and which wait. */
class DispatcherTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final Hub HUB = new Hub("yongning", "永宁县集运站", new GeoPoint(38.277, 106.245), "640121",
            LocalTime.of(18, 0));
    /** A few km north of the hub, with a neighbour just beyond. */
    private static final Producer NEAR = producer("near", 38.300, 106.250);
    private static final Producer LONELY = producer("lonely", 38.306, 106.254);
    /** Some 28 km south: a featured farm that sells every evening. */
    private static final Producer FEATURED = producer("featured", 38.030, 106.230);

    private final PickupPlanner planner = new PickupPlanner();
    private final Dispatcher dispatcher = new Dispatcher(planner);

    @AfterEach
    void close() {
        planner.close();
    }

    private static Producer producer(String id, double latitude, double longitude) {
        return new Producer(id, "farm " + id, new GeoPoint(latitude, longitude), "640121", LocalTime.of(8, 0),
                LocalTime.of(17, 0), Duration.ofMinutes(5));
    }

    private static Parcel parcel(String id, Producer producer, LocalDate ready, LocalDate shipByDay) {
        return new Parcel(id, producer.id(), 2_000, 6_000, false, ready,
                shipByDay.atTime(20, 0).atZone(PlanningProblem.ZONE).toInstant());
    }

    /** Monday: NEAR's parcel must go; LONELY's and FEATURED's may wait until Wednesday. */
    private static PlanningProblem monday() {
        Vehicle van = new Vehicle("van", HUB.id(), 800_000, 4_000_000, false, 150, 8_000, 0, LocalTime.of(8, 0),
                LocalTime.of(18, 0));
        return new PlanningProblem(MONDAY, 1, List.of(HUB), List.of(van), List.of(NEAR, LONELY, FEATURED),
                List.of(parcel("near-due", NEAR, MONDAY, MONDAY),
                        parcel("lonely-can-wait", LONELY, MONDAY, MONDAY.plusDays(2)),
                        parcel("featured-can-wait", FEATURED, MONDAY, MONDAY.plusDays(2))),
                List.of(), PlanningSettings.DEFAULTS);
    }

    /** FEATURED sold six parcels every evening of the last week, each to ship the next day; nobody else sold. */
    private static DemandHistory featuredSellsEveryDay() {
        List<DemandHistory.Day> days = new ArrayList<>();
        for (int back = 7; back >= 1; back--) {
            LocalDate day = MONDAY.minusDays(back);
            List<Parcel> parcels = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                parcels.add(parcel("h" + back + "-" + k, FEATURED, day, day));
            }
            days.add(new DemandHistory.Day(day, parcels));
        }
        return new DemandHistory(days);
    }

    private static List<String> parcelIds(PlanningProblem problem) {
        return problem.parcels().stream().map(Parcel::id).toList();
    }

    @Test
    void greedyCollectsEverythingReady() {
        DispatchDecision decision = dispatcher.decide(monday(), DispatchPolicy.GREEDY, DemandHistory.NONE,
                ScenarioSettings.DEFAULTS, 1);

        assertThat(decision.held()).isEmpty();
        assertThat(parcelIds(decision.problem())).containsExactlyInAnyOrder("near-due", "lonely-can-wait",
                "featured-can-wait");
        assertThat(decision.problem().settings().mayHold()).isFalse();
    }

    @Test
    void lazyHoldsEveryParcelThatCanWaitUntilItsLastDay() {
        DispatchDecision decision = dispatcher.decide(monday(), DispatchPolicy.LAZY, DemandHistory.NONE,
                ScenarioSettings.DEFAULTS, 1);

        assertThat(parcelIds(decision.problem())).containsExactly("near-due");
        assertThat(decision.held()).extracting(HeldParcel::parcelId)
                .containsExactlyInAnyOrder("lonely-can-wait", "featured-can-wait");
        assertThat(decision.held()).allSatisfy(held -> {
            assertThat(held.lastDay()).isEqualTo(MONDAY.plusDays(2));
            assertThat(held.holdingCostFen()).isEqualTo(PlanningSettings.HOLDING_COST_PER_PARCEL_DAY_FEN);
        });
    }

    @Test
    void holdingLeavesTheChoiceToThePlannersPrice() {
        DispatchDecision decision = dispatcher.decide(monday(), DispatchPolicy.HOLDING, DemandHistory.NONE,
                ScenarioSettings.DEFAULTS, 1);

        assertThat(decision.held()).isEmpty();
        assertThat(decision.problem().settings().mayHold()).isTrue();
        Plan plan = planner.solve(decision.problem(), Duration.ofSeconds(1));
        // Each detour costs more than a day's wait, so the rule holds both, LONELY's too, although no later trip
        // will pass it: it knows nothing of tomorrow.
        assertThat(plan.held()).extracting(HeldParcel::parcelId)
                .containsExactlyInAnyOrder("featured-can-wait", "lonely-can-wait");
    }

    @Test
    void theScenarioPolicyHoldsWhatTomorrowsOrdersWillFetchAndCollectsWhatNobodyWillCollectLater() {
        ScenarioSettings settings = ScenarioSettings.DEFAULTS.withPerScenario(Duration.ofMillis(300));

        DispatchDecision decision = dispatcher.decide(monday(), DispatchPolicy.SCENARIO, featuredSellsEveryDay(),
                settings, 7);

        // Tomorrow a van goes south for FEATURED's new parcels anyway; LONELY's parcel is cheapest now, beside NEAR.
        assertThat(decision.held()).extracting(HeldParcel::parcelId).containsExactly("featured-can-wait");
        assertThat(decision.held().get(0).lastDay()).isEqualTo(MONDAY.plusDays(2));
        assertThat(decision.held().get(0).reason()).contains("scenario policy");
        assertThat(parcelIds(decision.problem())).containsExactlyInAnyOrder("near-due", "lonely-can-wait");
        // what the futures did not postpone is left to the planner's holding price
        assertThat(decision.problem().settings().mayHold()).isTrue();
        assertThat(decision.collectedNowShare().get("featured-can-wait")).isLessThan(0.2);
        assertThat(decision.collectedNowShare().get("lonely-can-wait")).isGreaterThanOrEqualTo(0.5);
        assertThat(decision.scenariosSolved()).isPositive().isLessThanOrEqualTo(
                settings.scenarios() * settings.iterations());
        assertThat(decision.scenariosSolved() % settings.scenarios()).isZero();
    }

    @Test
    void priceByLaterVisitsCollectsNowWhatNoLaterTripPassesWhereTheFlatPriceHoldsIt() {
        ScenarioSettings flat = ScenarioSettings.DEFAULTS.withPerScenario(Duration.ofMillis(300))
                .withHoldPricing(ScenarioSettings.HoldPricing.FLAT);
        ScenarioSettings laterVisit = flat.withHoldPricing(ScenarioSettings.HoldPricing.LATER_VISIT);

        DispatchDecision byFlatPrice = dispatcher.decide(monday(), DispatchPolicy.SCENARIO, featuredSellsEveryDay(),
                flat, 7);
        DispatchDecision byLaterVisits = dispatcher.decide(monday(), DispatchPolicy.SCENARIO,
                featuredSellsEveryDay(), laterVisit, 7);

        // The flat price takes fetching LONELY later to be free: the plan holds it, though no later trip passes it.
        assertThat(byFlatPrice.laterVisitFen()).isEmpty();
        assertThat(dispatcher.solve(byFlatPrice, Duration.ofSeconds(1)).held()).extracting(HeldParcel::parcelId)
                .containsExactlyInAnyOrder("featured-can-wait", "lonely-can-wait");
        // The futures' own estimate: every future sends a van south for FEATURED's new orders (nothing more to pay),
        // none goes north, so fetching LONELY later is a trip of its own: some 8 km there and back at 1.5 yuan a km.
        assertThat(byLaterVisits.laterVisitFen()).containsEntry(FEATURED.id(), 0L);
        assertThat(byLaterVisits.laterVisitFen().get(LONELY.id())).isBetween(800L, 2_000L);
        Plan plan = dispatcher.solve(byLaterVisits, Duration.ofSeconds(1));
        assertThat(plan.held()).extracting(HeldParcel::parcelId).containsExactly("featured-can-wait");
        assertThat(plan.held()).allSatisfy(held -> assertThat(held.holdingCostFen()).isPositive());
        assertThat(plan.routes().stream().flatMap(route -> route.stops().stream())
                .flatMap(stop -> stop.parcelIds().stream())).containsExactlyInAnyOrder("near-due", "lonely-can-wait");
    }

    @Test
    void aLaterVisitCostsNothingWhereSampledOrdersBringAVanAndTheCheapestDetourElsewhere() {
        PlanningProblem monday = monday();
        cn.jiyun.routing.travel.TravelMatrix matrix = planner.matrix(monday);
        java.time.ZonedDateTime tuesday = MONDAY.plusDays(1).atTime(8, 0).atZone(PlanningProblem.ZONE);
        // Tuesday's van: hub → NEAR (a sampled order) → FEATURED (only the real optional parcel) → hub;
        // Monday's van (inside the horizon) passes LONELY, which must not count as a later visit.
        Route mondayRoute = new Route("van@0", "van", HUB.id(), MONDAY, tuesday.minusDays(1), tuesday.minusDays(1),
                List.of(stop(LONELY, "lonely-can-wait")), 0, 0);
        Route tuesdayRoute = new Route("van@1", "van", HUB.id(), MONDAY.plusDays(1), tuesday, tuesday,
                List.of(stop(NEAR, "s0.0:1:h1-0"), stop(FEATURED, "featured-can-wait")), 0, 0);
        Plan future = new Plan("0hard/0medium/0soft", true, 0, List.of(mondayRoute, tuesdayRoute), List.of(),
                List.of(), 0, null);

        java.util.Map<String, Long> fen = Dispatcher.laterVisitFen(monday, matrix, future,
                java.util.Map.of(NEAR.id(), false, LONELY.id(), false, FEATURED.id(), false, "unknown", false),
                java.util.Set.copyOf(parcelIds(monday)));

        int hub = 0;
        int near = 1;
        int lonely = 2;
        int featured = 3;
        assertThat(fen).containsEntry(NEAR.id(), 0L).doesNotContainKey("unknown");
        // FEATURED's own visit taken out, the cheapest place for it is between NEAR and the hub: its removal saving
        assertThat(fen.get(FEATURED.id())).isEqualTo(Math.round((matrix.distanceMetres(near, featured)
                + matrix.distanceMetres(featured, hub) - matrix.distanceMetres(near, hub)) * 150 / 1000.0));
        long[] detours = {
            matrix.distanceMetres(hub, lonely) + matrix.distanceMetres(lonely, near) - matrix.distanceMetres(hub, near),
            matrix.distanceMetres(near, lonely) + matrix.distanceMetres(lonely, featured)
                    - matrix.distanceMetres(near, featured),
            matrix.distanceMetres(featured, lonely) + matrix.distanceMetres(lonely, hub)
                    - matrix.distanceMetres(featured, hub)};
        assertThat(fen.get(LONELY.id())).isPositive()
                .isEqualTo(Math.round(java.util.Arrays.stream(detours).min().orElseThrow() * 150 / 1000.0));
        // A chilled parcel needs a reefer and this fleet has none: there is nothing to estimate, nothing is added
        java.util.Map<String, Long> chilled = Dispatcher.laterVisitFen(monday, matrix, new Plan("", true, 0,
                List.of(tuesdayRoute), List.of(), List.of(), 0, null), java.util.Map.of(LONELY.id(), true),
                java.util.Set.copyOf(parcelIds(monday)));
        assertThat(chilled).containsEntry(LONELY.id(), 0L);
    }

    private static cn.jiyun.routing.RouteStop stop(Producer producer, String parcelId) {
        java.time.ZonedDateTime at = MONDAY.atTime(9, 0).atZone(PlanningProblem.ZONE);
        return new cn.jiyun.routing.RouteStop(producer.id(), List.of(parcelId), at, at, 0, 0, false);
    }

    @Test
    void withoutHistoryTheScenarioPolicyHasNoReasonToWaitForTheTripSouth() {
        ScenarioSettings settings = ScenarioSettings.DEFAULTS.withPerScenario(Duration.ofMillis(300));

        DispatchDecision decision = dispatcher.decide(monday(), DispatchPolicy.SCENARIO, DemandHistory.NONE,
                settings, 7);

        // No future order goes south: the trip costs the same on any day, and every day's wait costs.
        assertThat(decision.held()).isEmpty();
        assertThat(parcelIds(decision.problem())).contains("featured-can-wait");
    }

    @Test
    void aPlanStoppedWhileItSamplesFuturesEndsWithinAFutureOrTwo() throws Exception {
        // ten minutes: each future may take up to its cap (3 s); a stop must not wait for all of them
        cn.jiyun.routing.PlanningJob job = planner.start(monday(), new Dispatch(DispatchPolicy.SCENARIO,
                featuredSellsEveryDay(), ScenarioSettings.DEFAULTS, 7), Duration.ofMinutes(10), null, null);
        Thread.sleep(500);
        job.stop();

        Plan plan = job.result().get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(plan.routes()).isNotEmpty();
        assertThat(plan.routes().stream().flatMap(route -> route.stops().stream())
                .flatMap(stop -> stop.parcelIds().stream())).contains("near-due");
    }

    @Test
    void aSampledDayKeepsItsDeadlinesDistanceFromItsReadyDay() {
        List<Parcel> sampled = featuredSellsEveryDay().sample(new java.util.SplittableRandom(3),
                MONDAY.plusDays(1), "s:", java.util.Set.of(FEATURED.id()));

        assertThat(sampled).hasSize(6).allSatisfy(parcel -> {
            assertThat(parcel.id()).startsWith("s:");
            assertThat(parcel.readyDay()).isEqualTo(MONDAY.plusDays(1));
            assertThat(parcel.shipBy()).isEqualTo(MONDAY.plusDays(1).atTime(20, 0)
                    .atZone(PlanningProblem.ZONE).toInstant());
        });
        assertThat(featuredSellsEveryDay().sample(new java.util.SplittableRandom(3), MONDAY.plusDays(1), "s:",
                java.util.Set.of(NEAR.id()))).isEmpty();
    }

    @Test
    void aHistoryThatHoldsTheDayItselfGivesThatDaysOrdersNotASample() {
        LocalDate tuesday = MONDAY.plusDays(1);
        List<DemandHistory.Day> days = new ArrayList<>(featuredSellsEveryDay().days());
        days.add(new DemandHistory.Day(tuesday, List.of(parcel("known", LONELY, tuesday, tuesday.plusDays(1)))));
        DemandHistory known = new DemandHistory(days);

        for (int seed = 0; seed < 20; seed++) {
            List<Parcel> sampled = known.sample(new java.util.SplittableRandom(seed), tuesday, "f:",
                    java.util.Set.of(FEATURED.id(), LONELY.id()));
            assertThat(sampled).as("seed %d", seed).singleElement().satisfies(parcel -> {
                assertThat(parcel.id()).isEqualTo("f:known");
                assertThat(parcel.producerId()).isEqualTo(LONELY.id());
                assertThat(parcel.readyDay()).isEqualTo(tuesday);
            });
        }
        // a day it does not hold is still sampled from its days: mostly the featured producer's six parcels
        long featuredDays = java.util.stream.IntStream.range(0, 20).filter(seed -> known.sample(
                new java.util.SplittableRandom(seed), tuesday.plusDays(1), "f:",
                java.util.Set.of(FEATURED.id(), LONELY.id())).size() == 6).count();
        assertThat(featuredDays).isGreaterThan(10L);
    }
}
