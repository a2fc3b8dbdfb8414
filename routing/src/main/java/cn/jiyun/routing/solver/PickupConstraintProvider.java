package cn.jiyun.routing.solver;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.VehicleDay;

/**
 * The pickup rules. Hard: what a route must respect to be driveable and to make the trunk. Medium: serve every
 * parcel that must go and can be served. Soft: cost in milli-fen (or distance, for the benchmarks), with the price
 * of holding an optional parcel, of a parcel's wait inside the horizon and of a parcel left to the courier.
 */
public class PickupConstraintProvider implements ConstraintProvider {

    public static final String VEHICLE_WEIGHT_CAPACITY = "vehicleWeightCapacity";
    public static final String VEHICLE_VOLUME_CAPACITY = "vehicleVolumeCapacity";
    public static final String PICKUP_WINDOW_END = "pickupWindowEnd";
    public static final String BACK_AT_HUB_BEFORE_CUTOFF = "backAtHubBeforeCutoff";
    public static final String CHILLED_NEEDS_REFRIGERATION = "chilledNeedsRefrigeration";
    public static final String CHILLED_MAX_RIDE = "chilledMaxRide";
    public static final String NOT_BEFORE_READY_DAY = "notBeforeReadyDay";
    public static final String MEETS_SHIP_BY_DEADLINE = "meetsShipByDeadline";
    public static final String PINNED_STOP_STAYS = "pinnedStopStays";
    public static final String DAY_PIN_KEPT = "dayPinKept";
    public static final String UNASSIGNED_PARCELS = "unassignedParcels";
    public static final String DISTANCE_COST = "distanceCost";
    public static final String VEHICLE_FIXED_COST = "vehicleFixedCost";
    public static final String VEHICLE_TIME_COST = "vehicleTimeCost";
    public static final String LEFT_AT_COST = "leftAtCost";
    public static final String WAITING_COST = "waitingCost";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                vehicleWeightCapacity(factory),
                vehicleVolumeCapacity(factory),
                pickupWindowEnd(factory),
                backAtHubBeforeCutoff(factory),
                chilledNeedsRefrigeration(factory),
                chilledMaxRide(factory),
                notBeforeReadyDay(factory),
                meetsShipByDeadline(factory),
                pinnedStopStays(factory),
                dayPinKept(factory),
                unassignedParcels(factory),
                distanceCost(factory),
                vehicleFixedCost(factory),
                vehicleTimeCost(factory),
                leftAtCost(factory),
                waitingCost(factory)
        };
    }

    // Hard

    Constraint vehicleWeightCapacity(ConstraintFactory factory) {
        return factory.forEach(VehicleDay.class)
                .filter(vehicleDay -> !vehicleDay.isUnassignedBucket() && vehicleDay.weightExcess() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleDay::weightExcess)
                .asConstraint(VEHICLE_WEIGHT_CAPACITY);
    }

    Constraint vehicleVolumeCapacity(ConstraintFactory factory) {
        return factory.forEach(VehicleDay.class)
                .filter(vehicleDay -> !vehicleDay.isUnassignedBucket() && vehicleDay.volumeExcess() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleDay::volumeExcess)
                .asConstraint(VEHICLE_VOLUME_CAPACITY);
    }

    Constraint pickupWindowEnd(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(stop -> stop.isAssigned() && stop.lateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PickupStop::lateness)
                .asConstraint(PICKUP_WINDOW_END);
    }

    Constraint backAtHubBeforeCutoff(ConstraintFactory factory) {
        return factory.forEach(VehicleDay.class)
                .filter(vehicleDay -> vehicleDay.isUsed() && vehicleDay.returnLateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleDay::returnLateness)
                .asConstraint(BACK_AT_HUB_BEFORE_CUTOFF);
    }

    Constraint chilledNeedsRefrigeration(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(stop -> stop.isAssigned() && stop.isChilled() && !stop.getVehicleDay().isRefrigerated())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PickupStop::parcelCount)
                .asConstraint(CHILLED_NEEDS_REFRIGERATION);
    }

    Constraint chilledMaxRide(ConstraintFactory factory) {
        // On the vehicle-day, not the stop: adding a stop behind a chilled one lengthens its ride.
        return factory.forEach(VehicleDay.class)
                .filter(vehicleDay -> vehicleDay.isUsed() && vehicleDay.chilledRideExcess() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleDay::chilledRideExcess)
                .asConstraint(CHILLED_MAX_RIDE);
    }

    Constraint notBeforeReadyDay(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(stop -> stop.isAssigned() && stop.getVehicleDay().getDay() < stop.getReadyDay())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        stop -> stop.parcelCount() * (long) (stop.getReadyDay() - stop.getVehicleDay().getDay()))
                .asConstraint(NOT_BEFORE_READY_DAY);
    }

    Constraint meetsShipByDeadline(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(stop -> stop.isAssigned() && stop.getVehicleDay().getTrunkDeparture() > stop.getShipBy())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PickupStop::parcelCount)
                .asConstraint(MEETS_SHIP_BY_DEADLINE);
    }

    Constraint pinnedStopStays(ConstraintFactory factory) {
        // OptaPlanner 9.44 cannot pin single elements of a list variable, so pins are enforced as a hard rule.
        return factory.forEach(PickupStop.class)
                .filter(PickupStop::isPinViolated)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, stop -> 1_000L)
                .asConstraint(PINNED_STOP_STAYS);
    }

    Constraint dayPinKept(ConstraintFactory factory) {
        // Left in the unassigned bucket counts too: the person asked for a visit that day.
        return factory.forEach(PickupStop.class)
                .filter(PickupStop::isDayPinViolated)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, stop -> 1_000L)
                .asConstraint(DAY_PIN_KEPT);
    }

    // Medium

    Constraint unassignedParcels(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(stop -> stop.isUnassigned() && !stop.isLeftAtCost())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, PickupStop::parcelCount)
                .asConstraint(UNASSIGNED_PARCELS);
    }

    // Soft

    Constraint distanceCost(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(PickupStop::isAssigned)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        stop -> stop.distanceContribution() * stop.getVehicleDay().getCostPerDistance())
                .asConstraint(DISTANCE_COST);
    }

    Constraint vehicleFixedCost(ConstraintFactory factory) {
        return factory.forEach(VehicleDay.class)
                .filter(vehicleDay -> vehicleDay.isUsed() && vehicleDay.getFixedCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, VehicleDay::getFixedCost)
                .asConstraint(VEHICLE_FIXED_COST);
    }

    Constraint vehicleTimeCost(ConstraintFactory factory) {
        return factory.forEach(VehicleDay.class)
                .filter(vehicleDay -> vehicleDay.isUsed() && vehicleDay.getCostPerHour() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, VehicleDay::timeCost)
                .asConstraint(VEHICLE_TIME_COST);
    }

    /** An optional stop held past the horizon, or a stop left to the per-parcel courier: its price, not a medium. */
    Constraint leftAtCost(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(PickupStop::isLeftAtCost)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, PickupStop::getLeaveCost)
                .asConstraint(LEFT_AT_COST);
    }

    /** Each day a stop's parcels wait after their ready day costs: a plan never makes them wait for nothing. */
    Constraint waitingCost(ConstraintFactory factory) {
        return factory.forEach(PickupStop.class)
                .filter(stop -> stop.isAssigned() && stop.waitCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, PickupStop::waitCost)
                .asConstraint(WAITING_COST);
    }
}
