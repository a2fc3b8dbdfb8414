package cn.jiyun.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PickupPlannerTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    // Yongning county seat (WGS-84) as the hub; producers scattered a few km around it.
    private static final Hub HUB = new Hub("yongning", "永宁县集运站", new GeoPoint(38.277, 106.245), "640121",
            LocalTime.of(18, 0));

    private final PickupPlanner planner = new PickupPlanner();

    @AfterEach
    void close() {
        planner.close();
    }

    private static Vehicle van(String id, boolean refrigerated) {
        return new Vehicle(id, HUB.id(), 800_000, 4_000_000, refrigerated, 150, 8_000, 0, LocalTime.of(8, 0),
                LocalTime.of(18, 0));
    }

    private static Producer producer(int i) {
        double angle = i * 0.7;
        return new Producer("p" + i, "farm " + i, new GeoPoint(38.277 + 0.05 * Math.sin(angle) * (1 + i % 3),
                106.245 + 0.06 * Math.cos(angle) * (1 + i % 3)), "640121", LocalTime.of(8, 0), LocalTime.of(17, 0),
                Duration.ofMinutes(5));
    }

    private static Parcel parcel(String id, String producerId, long grams) {
        return new Parcel(id, producerId, grams, grams * 3, false, MONDAY, null);
    }

    private static List<Producer> producers(int count) {
        List<Producer> producers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            producers.add(producer(i));
        }
        return producers;
    }

    @Test
    void consolidatesParcelsIntoFeasibleRoutesCheaperThanBothBaselines() {
        List<Producer> producers = producers(12);
        List<Parcel> parcels = new ArrayList<>();
        for (Producer producer : producers) {
            parcels.add(parcel(producer.id() + "-a", producer.id(), 20_000));
            parcels.add(parcel(producer.id() + "-b", producer.id(), 5_000));
        }
        PlanningProblem problem = new PlanningProblem(MONDAY, 1, List.of(HUB),
                List.of(van("van-1", false), van("van-2", false)), producers, parcels);

        Plan plan = planner.solve(problem, Duration.ofSeconds(2));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.parcelCount()).isEqualTo(24);
        assertThat(plan.routes()).allSatisfy(route -> {
            assertThat(route.hubId()).isEqualTo(HUB.id());
            assertThat(route.returnToHub()).isBefore(MONDAY.atTime(18, 0).atZone(PlanningProblem.ZONE)
                    .plusSeconds(1));
            assertThat(route.stops()).isSortedAccordingTo((a, b) -> a.arrival().compareTo(b.arrival()));
        });
        assertThat(plan.costFen()).isPositive();
        SavingsReport savings = plan.savings();
        assertThat(savings.plan().parcels()).isEqualTo(24);
        assertThat(savings.perParcelPickup().costFen()).isEqualTo(24 * 500);
        assertThat(savings.percentSavedVersusOwnTrips()).isPositive();
    }

    @Test
    void leavesWhatCannotBeServedOutWithAReasonInsteadOfThrowing() {
        List<Producer> producers = new ArrayList<>(producers(3));
        // Window closes before any vehicle can get there: 08:00 start, 2+ hours away.
        producers.add(new Producer("far", "far farm", new GeoPoint(37.5, 106.245), "640121", LocalTime.of(6, 0),
                LocalTime.of(8, 30), Duration.ofMinutes(5)));
        List<Parcel> parcels = List.of(
                parcel("ok", "p0", 1_000),
                parcel("anvil", "p1", 2_000_000),
                new Parcel("milk", "p2", 1_000, 1_000, true, MONDAY, null),
                parcel("far-box", "far", 1_000),
                new Parcel("late", "p0", 1_000, 1_000, false, MONDAY,
                        MONDAY.minusDays(1).atStartOfDay(PlanningProblem.ZONE).toInstant()),
                new Parcel("next-week", "p0", 1_000, 1_000, false, MONDAY.plusDays(7), null),
                parcel("ghost", "nobody", 1_000));
        PlanningProblem problem = new PlanningProblem(MONDAY, 1, List.of(HUB), List.of(van("van-1", false)),
                producers, parcels);

        Plan plan = planner.solve(problem, Duration.ofSeconds(1));

        Map<String, UnassignedReason> reasons = plan.unassigned().stream()
                .collect(Collectors.toMap(UnassignedParcel::parcelId, UnassignedParcel::reason));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                "anvil", UnassignedReason.TOO_HEAVY,
                "milk", UnassignedReason.NO_REFRIGERATED_VEHICLE,
                "far-box", UnassignedReason.WINDOW_UNREACHABLE,
                "late", UnassignedReason.DEADLINE_ALREADY_MISSED,
                "next-week", UnassignedReason.NOT_READY_IN_HORIZON,
                "ghost", UnassignedReason.UNKNOWN_PRODUCER));
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.parcelCount()).isEqualTo(1);
    }

    @Test
    void leavesParcelsBeyondTheFleetsCapacityUnassignedAsNoCapacityLeft() {
        List<Producer> producers = producers(6);
        List<Parcel> parcels = producers.stream().map(p -> parcel(p.id() + "-heavy", p.id(), 300_000)).toList();
        PlanningProblem problem = new PlanningProblem(MONDAY, 1, List.of(HUB), List.of(van("van-1", false)),
                producers, parcels);

        Plan plan = planner.solve(problem, Duration.ofSeconds(1));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.parcelCount()).isEqualTo(2);
        assertThat(plan.unassigned()).hasSize(4)
                .allMatch(parcel -> parcel.reason() == UnassignedReason.NO_CAPACITY_LEFT);
    }

    @Test
    void carriesChilledParcelsOnlyInRefrigeratedVehicles() {
        List<Producer> producers = producers(6);
        List<Parcel> parcels = new ArrayList<>();
        for (Producer producer : producers) {
            parcels.add(new Parcel(producer.id() + "-lamb", producer.id(), 10_000, 20_000, true, MONDAY, null));
            parcels.add(parcel(producer.id() + "-goji", producer.id(), 10_000));
        }
        PlanningProblem problem = new PlanningProblem(MONDAY, 1, List.of(HUB),
                List.of(van("van", false), van("reefer", true)), producers, parcels);

        Plan plan = planner.solve(problem, Duration.ofSeconds(2));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.unassigned()).isEmpty();
        plan.routes().stream().filter(route -> route.vehicleId().equals("van"))
                .flatMap(route -> route.stops().stream()).flatMap(stop -> stop.parcelIds().stream())
                .forEach(id -> assertThat(id).doesNotEndWith("-lamb"));
    }

    @Test
    void holdsParcelsForALaterDayWhenTheDeadlineAllowsButNeverCollectsThemEarly() {
        List<Producer> producers = producers(4);
        Instant wednesdayEvening = MONDAY.plusDays(2).atTime(20, 0).atZone(PlanningProblem.ZONE).toInstant();
        List<Parcel> parcels = new ArrayList<>();
        for (Producer producer : producers) {
            parcels.add(new Parcel(producer.id() + "-mon", producer.id(), 5_000, 5_000, false, MONDAY,
                    wednesdayEvening));
            parcels.add(new Parcel(producer.id() + "-tue", producer.id(), 5_000, 5_000, false, MONDAY.plusDays(1),
                    wednesdayEvening));
        }
        PlanningProblem problem = new PlanningProblem(MONDAY, 3, List.of(HUB), List.of(van("van", false)),
                producers, parcels);

        Plan plan = planner.solve(problem, Duration.ofSeconds(2));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.unassigned()).isEmpty();
        Map<String, LocalDate> dayOfParcel = plan.routes().stream().flatMap(route -> route.stops().stream()
                .flatMap(stop -> stop.parcelIds().stream().map(id -> Map.entry(id, route.day()))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        producers.forEach(p -> assertThat(dayOfParcel.get(p.id() + "-tue")).isAfter(MONDAY));
        // Consolidation over time: one day trip serves both days' parcels, so only one vehicle-day is paid.
        assertThat(plan.routes()).hasSize(1);
    }

    @Test
    void keepsPinnedStopsAtTheStartOfTheirRoute() {
        List<Producer> producers = producers(8);
        List<Parcel> parcels = producers.stream().map(p -> parcel(p.id() + "-box", p.id(), 5_000)).toList();
        List<PinnedStop> pins = List.of(new PinnedStop("p5", "van-2", MONDAY, 0),
                new PinnedStop("p1", "van-2", MONDAY, 1));
        PlanningProblem problem = new PlanningProblem(MONDAY, 1, List.of(HUB),
                List.of(van("van-1", false), van("van-2", false)), producers, parcels, pins,
                PlanningSettings.DEFAULTS);

        Plan plan = planner.solve(problem, Duration.ofSeconds(2));

        assertThat(plan.feasible()).isTrue();
        Route pinned = plan.routes().stream().filter(route -> route.vehicleId().equals("van-2")).findFirst()
                .orElseThrow();
        assertThat(pinned.stops().get(0).producerId()).isEqualTo("p5");
        assertThat(pinned.stops().get(1).producerId()).isEqualTo("p1");
        assertThat(pinned.stops().get(0).pinned()).isTrue();
    }

    @Test
    void visitsADayPinnedProducerOnItsDayWithWhicheverVehicle() {
        List<Producer> producers = producers(6);
        // Parcels ready Monday with no deadline: left alone, the cheapest plan collects everything on one day.
        List<Parcel> parcels = producers.stream().map(p -> parcel(p.id() + "-box", p.id(), 5_000)).toList();
        LocalDate wednesday = MONDAY.plusDays(2);
        PlanningProblem problem = new PlanningProblem(MONDAY, 3, List.of(HUB),
                List.of(van("van-1", false), van("van-2", false)), producers, parcels,
                List.of(PinnedStop.onDay("p2", wednesday), PinnedStop.onDay("p4", MONDAY)),
                PlanningSettings.DEFAULTS);

        Plan plan = planner.solve(problem, Duration.ofSeconds(2));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.unassigned()).isEmpty();
        Map<String, Route> routeOfProducer = plan.routes().stream()
                .flatMap(route -> route.stops().stream().map(stop -> Map.entry(stop.producerId(), route)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(routeOfProducer.get("p2").day()).isEqualTo(wednesday);
        assertThat(routeOfProducer.get("p4").day()).isEqualTo(MONDAY);
        assertThat(routeOfProducer.get("p2").stops()).filteredOn(stop -> stop.producerId().equals("p2"))
                .singleElement().satisfies(stop -> {
                    assertThat(stop.pinned()).isTrue();
                    assertThat(stop.parcelIds()).containsExactly("p2-box");
                });
    }

    @Test
    void appliesOrdersArrivingAndCancelledWhileSolving() throws Exception {
        PlanningProblem problem = tenProducersTwoVans();
        List<PlanProgress> progress = new CopyOnWriteArrayList<>();

        PlanningJob job = planner.start(problem, Duration.ofSeconds(30), null, progress::add);
        awaitBestPlan(job, plan -> true);
        assertThat(job.addParcels(List.of(parcel("late-order", "p3", 2_000)))).isTrue();
        assertThat(job.cancelParcels(List.of("p4-box"))).isTrue();
        awaitBestPlan(job, plan -> served(plan).contains("late-order") && !served(plan).contains("p4-box"));
        job.stop();
        Plan plan = job.result().get();

        assertThat(job.isSolving()).isFalse();
        assertThat(plan.feasible()).isTrue();
        assertThat(served(plan)).contains("late-order").doesNotContain("p4-box").hasSize(10);
        assertThat(progress).isNotEmpty();
        assertThat(job.addParcels(List.of(parcel("too-late", "p3", 1)))).isFalse();
    }

    @Test
    void keepsVisitedAndPinnedStopsInPlaceAcrossChanges() throws Exception {
        List<Producer> producers = producers(10);
        List<Parcel> parcels = producers.stream().map(p -> parcel(p.id() + "-box", p.id(), 5_000)).toList();
        // van-2 has already visited p5 and then p1 this morning.
        List<PinnedStop> pins = List.of(new PinnedStop("p5", "van-2", MONDAY, 0),
                new PinnedStop("p1", "van-2", MONDAY, 1));
        PlanningProblem problem = new PlanningProblem(MONDAY, 1, List.of(HUB),
                List.of(van("van-1", false), van("van-2", false)), producers, parcels, pins,
                PlanningSettings.DEFAULTS);

        PlanningJob job = planner.start(problem, Duration.ofSeconds(30), null, null);
        awaitBestPlan(job, plan -> true);
        // The order collected at p1 is cancelled afterwards, another is cancelled, two arrive (one from p5).
        assertThat(job.cancelParcels(List.of("p1-box", "p7-box"))).isTrue();
        assertThat(job.addParcels(List.of(parcel("p5-more", "p5", 1_000), parcel("p8-more", "p8", 1_000))))
                .isTrue();
        awaitBestPlan(job, plan -> served(plan).containsAll(List.of("p5-more", "p8-more"))
                && !served(plan).contains("p7-box"));
        job.stop();
        Plan plan = job.result().get();

        assertThat(plan.feasible()).isTrue();
        assertThat(served(plan)).contains("p5-more", "p8-more", "p5-box").doesNotContain("p1-box", "p7-box");
        Route visited = plan.routes().stream().filter(route -> route.vehicleId().equals("van-2")).findFirst()
                .orElseThrow();
        assertThat(visited.stops().get(0).producerId()).isEqualTo("p5");
        assertThat(visited.stops().get(0).parcelIds()).containsExactly("p5-box");
        assertThat(visited.stops().get(1).producerId()).isEqualTo("p1");
        assertThat(visited.stops().get(1).parcelIds()).isEmpty();
        assertThat(visited.stops().subList(0, 2)).allMatch(RouteStop::pinned);
        assertThat(visited.stops().subList(2, visited.stops().size())).noneMatch(RouteStop::pinned);
    }

    @Test
    void aParcelArrivingForAProducerOnTheRouteRidesWithThatVisit() throws Exception {
        PlanningProblem problem = tenProducersTwoVans();

        PlanningJob job = planner.start(problem, Duration.ofSeconds(30), null, null);
        awaitBestPlan(job, plan -> served(plan).contains("p3-box"));
        assertThat(job.addParcels(List.of(parcel("p3-more", "p3", 2_000)))).isTrue();
        awaitBestPlan(job, plan -> served(plan).contains("p3-more"));
        // the plan in progress showed it while solving went on (joining a visit need not improve the score)
        assertThat(job.isSolving()).isTrue();
        job.stop();
        Plan plan = job.result().get();

        List<RouteStop> atP3 = plan.routes().stream().flatMap(route -> route.stops().stream())
                .filter(stop -> stop.producerId().equals("p3")).toList();
        assertThat(atP3).hasSize(1);
        assertThat(atP3.get(0).parcelIds()).containsExactlyInAnyOrder("p3-box", "p3-more");
        assertThat(plan.feasible()).isTrue();
    }

    @Test
    void thePlanInProgressShowsACancellationWhileSolvingGoesOn() throws Exception {
        PlanningProblem problem = tenProducersTwoVans();
        List<PlanProgress> progress = new CopyOnWriteArrayList<>();

        PlanningJob job = planner.start(problem, Duration.ofSeconds(30), null, progress::add);
        awaitBestPlan(job, plan -> served(plan).contains("p6-box"));
        assertThat(job.cancelParcels(List.of("p6-box"))).isTrue();
        awaitBestPlan(job, plan -> !served(plan).contains("p6-box"));

        assertThat(job.isSolving()).isTrue();
        assertThat(served(job.bestPlan().orElseThrow())).doesNotContain("p6-box").hasSize(9);
        assertThat(progress).last().satisfies(last -> assertThat(served(last.plan())).doesNotContain("p6-box"));
        job.stop();
        assertThat(served(job.result().get())).doesNotContain("p6-box");
    }

    /** Ten producers with a 5-kg box each ({@code p0-box} … {@code p9-box}), two vans, one day. */
    private static PlanningProblem tenProducersTwoVans() {
        List<Producer> producers = producers(10);
        List<Parcel> parcels = producers.stream().map(p -> parcel(p.id() + "-box", p.id(), 5_000)).toList();
        return new PlanningProblem(MONDAY, 1, List.of(HUB), List.of(van("van-1", false), van("van-2", false)),
                producers, parcels);
    }

    private static List<String> served(Plan plan) {
        return plan.routes().stream().flatMap(route -> route.stops().stream())
                .flatMap(stop -> stop.parcelIds().stream()).toList();
    }

    /** Waits (at most 25 s) until a best plan passes the test, or solving ends, e.g. with an exception. */
    private static void awaitBestPlan(PlanningJob job, Predicate<Plan> test) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (job.isSolving() && job.bestPlan().filter(test).isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
    }
}
