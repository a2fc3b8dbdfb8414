package cn.jiyun.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Must-go and optional parcels, their holding price, a parcel's wait, and the remainder left to the courier. */
class OptionalParcelsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final Hub HUB = new Hub("yongning", "永宁县集运站", new GeoPoint(38.277, 106.245), "640121",
            LocalTime.of(18, 0));
    /** About 3 km from the hub, and a neighbour a few hundred metres beyond it. */
    static final Producer NEAR = producer("near", 38.300, 106.250);
    static final Producer BESIDE = producer("beside", 38.303, 106.252);
    /** About 28 km from the hub, the other way. */
    static final Producer FAR = producer("far", 38.030, 106.230);

    private final PickupPlanner planner = new PickupPlanner();

    @AfterEach
    void close() {
        planner.close();
    }

    static Producer producer(String id, double latitude, double longitude) {
        return new Producer(id, "farm " + id, new GeoPoint(latitude, longitude), "640121", LocalTime.of(8, 0),
                LocalTime.of(17, 0), Duration.ofMinutes(5));
    }

    static Vehicle van(String id, boolean refrigerated) {
        return new Vehicle(id, HUB.id(), 800_000, 4_000_000, refrigerated, 150, 8_000, 0, LocalTime.of(8, 0),
                LocalTime.of(18, 0));
    }

    /** A parcel paid on Sunday evening, ready on Monday, to ship by 20:00 on the given day. */
    static Parcel parcel(String id, Producer producer, LocalDate shipByDay) {
        return parcel(id, producer, shipByDay, false);
    }

    static Parcel parcel(String id, Producer producer, LocalDate shipByDay, boolean chilled) {
        Instant shipBy = shipByDay.atTime(20, 0).atZone(PlanningProblem.ZONE).toInstant();
        return new Parcel(id, producer.id(), 2_000, 6_000, chilled, MONDAY, shipBy);
    }

    private static PlanningProblem monday(PlanningSettings settings, Parcel... parcels) {
        return new PlanningProblem(MONDAY, 1, List.of(HUB), List.of(van("van", false)),
                List.of(NEAR, BESIDE, FAR), List.of(parcels), List.of(), settings);
    }

    private static List<String> collected(Plan plan) {
        return plan.routes().stream().flatMap(route -> route.stops().stream())
                .flatMap(stop -> stop.parcelIds().stream()).toList();
    }

    @Test
    void aParcelThatCanWaitPastTheHorizonIsHeldWithItsLastDayWhereFetchingItCostsMore() {
        Parcel due = parcel("due", NEAR, MONDAY);
        Parcel canWait = parcel("can-wait", FAR, MONDAY.plusDays(2));
        PlanningProblem problem = monday(PlanningSettings.DEFAULTS.withHolding(true), due, canWait);
        assertThat(problem.isOptional(due)).isFalse();
        assertThat(problem.isOptional(canWait)).isTrue();
        assertThat(problem.lastCollectionDay(canWait)).isEqualTo(MONDAY.plusDays(2));

        Plan plan = planner.solve(problem, Duration.ofSeconds(1));

        assertThat(collected(plan)).containsExactly("due");
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.held()).singleElement().satisfies(held -> {
            assertThat(held.parcelId()).isEqualTo("can-wait");
            assertThat(held.lastDay()).isEqualTo(MONDAY.plusDays(2));
            assertThat(held.holdingCostFen()).isEqualTo(PlanningSettings.HOLDING_COST_PER_PARCEL_DAY_FEN);
            assertThat(held.reason()).contains("holding").contains(MONDAY.plusDays(2).toString());
        });
    }

    @Test
    void theGreedyRuleCollectsEverythingReady() {
        Plan plan = planner.solve(monday(PlanningSettings.DEFAULTS.withHolding(false),
                parcel("due", NEAR, MONDAY), parcel("can-wait", FAR, MONDAY.plusDays(2))), Duration.ofSeconds(1));

        assertThat(collected(plan)).containsExactlyInAnyOrder("due", "can-wait");
        assertThat(plan.held()).isEmpty();
    }

    @Test
    void aParcelIsNeverHeldForNothing() {
        // The van stops at NEAR anyway: its second parcel costs nothing to fetch, less than the day's wait.
        Plan plan = planner.solve(monday(PlanningSettings.DEFAULTS.withHolding(true),
                parcel("due", NEAR, MONDAY), parcel("on-the-way", NEAR, MONDAY.plusDays(2))),
                Duration.ofSeconds(1));

        assertThat(collected(plan)).containsExactlyInAnyOrder("due", "on-the-way");
        assertThat(plan.held()).isEmpty();
    }

    @Test
    void aDearerWaitMakesTheDetourWorthIt() {
        // The detour to FAR is some 75 km by road, about 115 yuan: held at 0.5 yuan a day, collected at 200.
        PlanningSettings dear = new PlanningSettings(Duration.ofHours(4), 500, 1_200, 0, 20_000, true, false);
        Plan plan = planner.solve(monday(dear, parcel("due", NEAR, MONDAY),
                parcel("can-wait", FAR, MONDAY.plusDays(2))), Duration.ofSeconds(1));

        assertThat(collected(plan)).containsExactlyInAnyOrder("due", "can-wait");
        assertThat(plan.held()).isEmpty();
    }

    @Test
    void aParcelCollectedLaterInTheHorizonPaysForItsWait() {
        // Two days, no other parcel: the same trip costs the same on either day, so the wait decides.
        PlanningProblem problem = new PlanningProblem(MONDAY, 2, List.of(HUB), List.of(van("van", false)),
                List.of(NEAR, FAR), List.of(parcel("box", FAR, MONDAY.plusDays(1))), List.of(),
                PlanningSettings.DEFAULTS);

        Plan plan = planner.solve(problem, Duration.ofSeconds(1));

        assertThat(plan.routes()).singleElement().satisfies(route -> assertThat(route.day()).isEqualTo(MONDAY));
    }

    @Test
    void aSmallRemainderGoesToTheCourierWhenThatIsCheaperThanAVan() {
        PlanningSettings remainder = PlanningSettings.DEFAULTS.withCourierRemainder(true);
        Plan plan = planner.solve(monday(remainder, parcel("lonely", FAR, MONDAY)), Duration.ofSeconds(1));

        assertThat(plan.routes()).isEmpty();
        assertThat(plan.unassigned()).singleElement().satisfies(left -> {
            assertThat(left.parcelId()).isEqualTo("lonely");
            assertThat(left.reason()).isEqualTo(UnassignedReason.TO_COURIER);
        });
        assertThat(plan.courierFen()).isEqualTo(500);
        assertThat(plan.savings().plan().costFen()).isEqualTo(500);
        assertThat(plan.savings().plan().parcels()).isEqualTo(1);

        Plan withoutRemainder = planner.solve(monday(PlanningSettings.DEFAULTS, parcel("lonely", FAR, MONDAY)),
                Duration.ofSeconds(1));
        assertThat(collected(withoutRemainder)).containsExactly("lonely");
        assertThat(withoutRemainder.courierFen()).isZero();
    }

    @Test
    void theCourierBaselinePricesAChilledParcelAtTheColdChainFee() {
        PlanningProblem problem = new PlanningProblem(MONDAY, 1, List.of(HUB), List.of(van("reefer", true)),
                List.of(NEAR, BESIDE, FAR), List.of(parcel("goji", NEAR, MONDAY),
                        parcel("milk", BESIDE, MONDAY, true)), List.of(), PlanningSettings.DEFAULTS);

        Plan plan = planner.solve(problem, Duration.ofSeconds(1));

        assertThat(collected(plan)).containsExactlyInAnyOrder("goji", "milk");
        assertThat(plan.savings().perParcelPickup().costFen())
                .isEqualTo(PlanningSettings.AMBIENT_PICKUP_FEE_FEN + PlanningSettings.CHILLED_PICKUP_FEE_FEN);
        assertThat(plan.savings().perParcelPickup().name()).contains("5.00 yuan ambient", "12.00 yuan chilled");
    }
}
