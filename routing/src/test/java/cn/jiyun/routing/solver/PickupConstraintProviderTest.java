package cn.jiyun.routing.solver;

import static cn.jiyun.routing.solver.Routes.DAY;
import static cn.jiyun.routing.solver.Routes.HOUR;
import static cn.jiyun.routing.solver.Routes.MINUTE;
import static cn.jiyun.routing.solver.Routes.route;
import static cn.jiyun.routing.solver.Routes.stop;
import static cn.jiyun.routing.solver.Routes.van;
import static cn.jiyun.routing.solver.Routes.vehicle;

import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.VehicleDay;

class PickupConstraintProviderTest {

    private final ConstraintVerifier<PickupConstraintProvider, PickupPlan> verifier = ConstraintVerifier.build(
            new PickupConstraintProvider(), PickupPlan.class, VehicleDay.class, PickupStop.class);

    @Test
    void penalisesWeightAboveCapacity() {
        VehicleDay small = route(vehicle("van", 0, 10_000, 1_000_000, false), stop("a", 1, 6_000), stop("b", 2, 7_000));
        VehicleDay roomy = route(van("truck", 0), stop("c", 1, 50_000));
        verifier.verifyThat(PickupConstraintProvider::vehicleWeightCapacity)
                .given(small, roomy).penalizesBy(3_000);
    }

    @Test
    void penalisesVolumeAboveCapacity() {
        VehicleDay small = route(vehicle("van", 0, 1_000_000, 5_000, false), stop("a", 1, 6_000));
        verifier.verifyThat(PickupConstraintProvider::vehicleVolumeCapacity).given(small).penalizesBy(1_000);
    }

    @Test
    void penalisesServiceStartingAfterTheWindowCloses() {
        // Leaves at 08:00, reaches location 3 at 08:30: 20 minutes after its 08:10 close.
        PickupStop late = stop("late", 3, 1).withWindow(0, 8 * HOUR + 10 * MINUTE, 0);
        PickupStop onTime = stop("ok", 4, 1).withWindow(0, 12 * HOUR, 0);
        route(van("van", 0), late, onTime);
        verifier.verifyThat(PickupConstraintProvider::pickupWindowEnd).given(late, onTime).penalizesBy(20 * MINUTE);
    }

    @Test
    void waitsForTheWindowToOpenWithoutPenalty() {
        PickupStop early = stop("early", 1, 1).withWindow(10 * HOUR, 11 * HOUR, 30 * MINUTE);
        PickupStop next = stop("next", 2, 1).withWindow(0, 10 * HOUR + 40 * MINUTE, 0);
        route(van("van", 0), early, next);
        // Service at "early" starts 10:00, ends 10:30, "next" reached 10:40: exactly on time.
        verifier.verifyThat(PickupConstraintProvider::pickupWindowEnd).given(early, next).penalizesBy(0);
    }

    @Test
    void penalisesReturningAfterTheCutoff() {
        PickupStop far = stop("far", 5, 1).withWindow(17 * HOUR, 18 * HOUR, 0);
        VehicleDay van = route(van("van", 0), far);
        // Service at 17:00, back at the hub 17:50: on time; an hour of service makes it 50 min late.
        verifier.verifyThat(PickupConstraintProvider::backAtHubBeforeCutoff).given(van).penalizesBy(0);
        PickupStop slow = stop("slow", 5, 1).withWindow(17 * HOUR, 18 * HOUR, HOUR);
        VehicleDay late = route(van("late", 0), slow);
        verifier.verifyThat(PickupConstraintProvider::backAtHubBeforeCutoff).given(late).penalizesBy(50 * MINUTE);
    }

    @Test
    void penalisesChilledParcelsInAnOrdinaryVan() {
        PickupStop chilledInVan = stop("milk", 1, 1).withChilled(4 * HOUR);
        route(van("van", 0), chilledInVan);
        PickupStop chilledInReefer = stop("yoghurt", 1, 1).withChilled(4 * HOUR);
        route(vehicle("reefer", 0, 1_000_000, 1_000_000, true), chilledInReefer);
        verifier.verifyThat(PickupConstraintProvider::chilledNeedsRefrigeration)
                .given(chilledInVan, chilledInReefer).penalizesBy(1);
    }

    @Test
    void penalisesChilledParcelsRidingTooLong() {
        // Collected at 08:10 (location 1), then the van drives to 5 and back: at the hub 09:40, 90 minutes later.
        PickupStop milk = stop("milk", 1, 1).withChilled(60 * MINUTE);
        VehicleDay reefer = route(vehicle("reefer", 0, 1_000_000, 1_000_000, true), milk, stop("far", 5, 1));
        verifier.verifyThat(PickupConstraintProvider::chilledMaxRide).given(reefer).penalizesBy(30 * MINUTE);
    }

    @Test
    void penalisesCollectingBeforeTheParcelsAreReady() {
        PickupStop tomorrow = stop("tomorrow", 1, 1).withDays(1, PickupStop.NEVER);
        route(van("van", 0), tomorrow);
        PickupStop today = stop("today", 2, 1).withDays(1, PickupStop.NEVER);
        route(van("van", 1), today);
        verifier.verifyThat(PickupConstraintProvider::notBeforeReadyDay).given(tomorrow, today).penalizesBy(1);
    }

    @Test
    void penalisesCollectingAfterTheShipByDeadline() {
        long dayOneNoon = DAY + 12 * HOUR;
        PickupStop missed = stop("missed", 1, 1).withDays(0, dayOneNoon);
        route(van("van", 1), missed);
        PickupStop made = stop("made", 2, 1).withDays(0, dayOneNoon);
        route(van("van", 0), made);
        verifier.verifyThat(PickupConstraintProvider::meetsShipByDeadline).given(missed, made).penalizesBy(1);
    }

    @Test
    void penalisesMovingAPinnedStop() {
        PickupStop first = stop("first", 1, 1).withPin("van@0", null);
        PickupStop second = stop("second", 2, 1).withPin("van@0", "first");
        route(van("van", 0), first, second);
        verifier.verifyThat(PickupConstraintProvider::pinnedStopStays).given(first, second).penalizesBy(0);

        PickupStop movedFirst = stop("first", 1, 1).withPin("van@0", null);
        PickupStop movedSecond = stop("second", 2, 1).withPin("van@0", "first");
        route(van("van", 0), movedSecond, movedFirst);
        verifier.verifyThat(PickupConstraintProvider::pinnedStopStays).given(movedFirst, movedSecond)
                .penalizesBy(2_000);
    }

    @Test
    void penalisesADayPinnedStopOffItsDayOrLeftOut() {
        PickupStop kept = stop("kept", 1, 1).withDayPin(1);
        route(van("van-1", 1), kept);
        PickupStop anyVehicle = stop("any", 2, 1).withDayPin(1);
        route(van("van-2", 1), anyVehicle);
        PickupStop wrongDay = stop("wrong", 3, 1).withDayPin(1);
        route(van("van-1", 0), wrongDay);
        PickupStop leftOut = stop("left", 4, 1).withDayPin(1);
        route(VehicleDay.unassignedBucket(), leftOut);
        PickupStop free = stop("free", 5, 1);
        route(van("van-3", 0), free);
        verifier.verifyThat(PickupConstraintProvider::dayPinKept).given(kept, anyVehicle, wrongDay, leftOut, free)
                .penalizesBy(2_000);
    }

    @Test
    void penalisesEachUnassignedParcel() {
        PickupStop left = stop("left", 1, 1);
        route(VehicleDay.unassignedBucket(), left);
        PickupStop served = stop("served", 2, 1);
        route(van("van", 0), served);
        verifier.verifyThat(PickupConstraintProvider::unassignedParcels).given(left, served).penalizesBy(1);
    }

    @Test
    void anOptionalStopHeldOrAStopLeftToTheCourierCostsItsPriceNotAMediumPoint() {
        PickupStop held = stop("held", 1, 1).withLeaveCost(true, 50_000);
        route(VehicleDay.unassignedBucket(), held);
        PickupStop toCourier = stop("courier", 2, 1).withLeaveCost(false, 500_000);
        route(VehicleDay.unassignedBucket(), toCourier);
        PickupStop collected = stop("collected", 3, 1).withLeaveCost(true, 70_000);
        route(van("van", 0), collected);
        PickupStop mustGo = stop("must", 4, 1);
        route(VehicleDay.unassignedBucket(), mustGo);
        verifier.verifyThat(PickupConstraintProvider::leftAtCost).given(held, toCourier, collected, mustGo)
                .penalizesBy(550_000);
        verifier.verifyThat(PickupConstraintProvider::unassignedParcels).given(held, toCourier, collected, mustGo)
                .penalizesBy(1);
    }

    @Test
    void aPinnedStopIsNeverHeld() {
        PickupStop pinned = stop("pinned", 1, 1).withLeaveCost(true, 50_000).withDayPin(0);
        route(VehicleDay.unassignedBucket(), pinned);
        verifier.verifyThat(PickupConstraintProvider::leftAtCost).given(pinned).penalizesBy(0);
        verifier.verifyThat(PickupConstraintProvider::unassignedParcels).given(pinned).penalizesBy(1);
    }

    @Test
    void chargesEachDayAStopWaitsAfterItsReadyDay() {
        PickupStop twoDaysLate = stop("late", 1, 1).withDays(0, PickupStop.NEVER).withWaitCost(50_000);
        route(van("van-1", 2), twoDaysLate);
        PickupStop onItsDay = stop("prompt", 2, 1).withDays(1, PickupStop.NEVER).withWaitCost(50_000);
        route(van("van-2", 1), onItsDay);
        verifier.verifyThat(PickupConstraintProvider::waitingCost).given(twoDaysLate, onItsDay)
                .penalizesBy(100_000);
    }

    @Test
    void chargesDistanceIncludingTheWayBack() {
        PickupStop a = stop("a", 2, 1);
        PickupStop b = stop("b", 3, 1);
        route(van("van", 0), a, b);
        PickupStop left = stop("left", 5, 1);
        route(VehicleDay.unassignedBucket(), left);
        // 0 -> 2 -> 3 -> 0 = 6 km at 200 milli-fen per metre (2 yuan per km).
        verifier.verifyThat(PickupConstraintProvider::distanceCost).given(a, b, left).penalizesBy(6_000 * 200);
    }

    @Test
    void chargesTheFixedCostOnlyForVehiclesUsed() {
        VehicleDay used = route(van("used", 0), stop("a", 1, 1));
        VehicleDay idle = route(van("idle", 0));
        verifier.verifyThat(PickupConstraintProvider::vehicleFixedCost).given(used, idle).penalizesBy(100_00L * 1000);
    }

    @Test
    void chargesTimeOnTheRoadWhenConfigured() {
        VehicleDay hourly = new VehicleDay("h@0", "h", 0, 0, 1_000_000, 1_000_000, false, 200, 0, 36, 0, 8 * HOUR,
                18 * HOUR, 18 * HOUR, Routes.LINE);
        route(hourly, stop("a", 3, 1));
        // One hour out and back at 36 fen/hour = 36,000 milli-fen.
        verifier.verifyThat(PickupConstraintProvider::vehicleTimeCost).given(hourly).penalizesBy(36_000);
    }
}
