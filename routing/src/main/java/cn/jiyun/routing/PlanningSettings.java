package cn.jiyun.routing;

import java.time.Duration;

/**
 * Planner-wide settings: how long chilled parcels may ride to the hub; the figures the savings report compares with
 * (a courier's rural pickup fee per ambient and per chilled parcel, and what a producer's own trip costs per km, 0:
 * the fleet's mean); and how parcels may wait.
 *
 * <p>{@code holdingCostPerParcelDayFen} prices a day's wait of one parcel: collected a day after it is ready, or held
 * past the horizon. With {@code mayHold}, a parcel whose last collection day lies after the horizon is optional: the
 * plan may hold it, at that cost per day until the day after the horizon. Without it, every parcel ready in the
 * horizon must be collected in it (the greedy rule). With {@code courierRemainder}, a parcel that must go may instead
 * be left to the per-parcel courier, at the courier's fee, when that is cheaper than fetching it with a van.
 */
public record PlanningSettings(Duration maxChilledRide, long ruralPickupFeePerParcelFen,
        long chilledPickupFeePerParcelFen, long ownTripCostPerKmFen, long holdingCostPerParcelDayFen,
        boolean mayHold, boolean courierRemainder) {

    /** The per-parcel courier fee for an ambient parcel: 5 yuan, see the README for where the figure comes from. */
    public static final long AMBIENT_PICKUP_FEE_FEN = 500;
    /** The per-parcel courier fee for a chilled parcel (a cold-chain courier): 12 yuan, see the README. */
    public static final long CHILLED_PICKUP_FEE_FEN = 1_200;
    /** What a day's wait of one parcel costs when nothing else is said: 0.5 yuan, a tenth of the ambient fee. */
    public static final long HOLDING_COST_PER_PARCEL_DAY_FEN = 50;

    public static final PlanningSettings DEFAULTS = new PlanningSettings(Duration.ofHours(4), AMBIENT_PICKUP_FEE_FEN,
            CHILLED_PICKUP_FEE_FEN, 0, HOLDING_COST_PER_PARCEL_DAY_FEN, false, false);

    public PlanningSettings {
        Hub.require(maxChilledRide, "maxChilledRide");
        if (ruralPickupFeePerParcelFen < 0 || chilledPickupFeePerParcelFen < 0 || ownTripCostPerKmFen < 0
                || holdingCostPerParcelDayFen < 0) {
            throw new IllegalArgumentException("costs cannot be negative");
        }
    }

    /** The greedy rule with the default chilled fee and holding cost, as before parcels could be held. */
    public PlanningSettings(Duration maxChilledRide, long ruralPickupFeePerParcelFen, long ownTripCostPerKmFen) {
        this(maxChilledRide, ruralPickupFeePerParcelFen, CHILLED_PICKUP_FEE_FEN, ownTripCostPerKmFen,
                HOLDING_COST_PER_PARCEL_DAY_FEN, false, false);
    }

    /** The courier's fee for one parcel of this kind. */
    public long pickupFeeFen(boolean chilled) {
        return chilled ? chilledPickupFeePerParcelFen : ruralPickupFeePerParcelFen;
    }

    public PlanningSettings withHolding(boolean hold) {
        return new PlanningSettings(maxChilledRide, ruralPickupFeePerParcelFen, chilledPickupFeePerParcelFen,
                ownTripCostPerKmFen, holdingCostPerParcelDayFen, hold, courierRemainder);
    }

    public PlanningSettings withHoldingCostPerParcelDayFen(long fen) {
        return new PlanningSettings(maxChilledRide, ruralPickupFeePerParcelFen, chilledPickupFeePerParcelFen,
                ownTripCostPerKmFen, fen, mayHold, courierRemainder);
    }

    public PlanningSettings withCourierRemainder(boolean remainder) {
        return new PlanningSettings(maxChilledRide, ruralPickupFeePerParcelFen, chilledPickupFeePerParcelFen,
                ownTripCostPerKmFen, holdingCostPerParcelDayFen, mayHold, remainder);
    }
}
