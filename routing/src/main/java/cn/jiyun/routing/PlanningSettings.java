package cn.jiyun.routing;

import java.time.Duration;

/**
 * Planner-wide settings: how long chilled parcels may ride to the hub, and the figures the savings report compares
 * with: a courier's rural pickup fee per parcel, and what a producer's own trip costs per km (0: the fleet's mean).
 */
public record PlanningSettings(Duration maxChilledRide, long ruralPickupFeePerParcelFen, long ownTripCostPerKmFen) {

    public static final PlanningSettings DEFAULTS = new PlanningSettings(Duration.ofHours(4), 500, 0);

    public PlanningSettings {
        Hub.require(maxChilledRide, "maxChilledRide");
        if (ruralPickupFeePerParcelFen < 0 || ownTripCostPerKmFen < 0) {
            throw new IllegalArgumentException("costs cannot be negative");
        }
    }
}
