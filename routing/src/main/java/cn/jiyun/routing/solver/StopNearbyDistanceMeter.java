package cn.jiyun.routing.solver;

import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.VehicleDay;

/** Nearby selection: a stop is best moved next to stops (or to the start of routes from hubs) that are close by. */
public class StopNearbyDistanceMeter implements NearbyDistanceMeter<PickupStop, Object> {

    @Override
    public double getNearbyDistance(PickupStop origin, Object destination) {
        if (destination instanceof PickupStop stop) {
            return origin.getTravel().distance(stop.getLocation(), origin.getLocation());
        }
        VehicleDay vehicleDay = (VehicleDay) destination;
        if (vehicleDay.isUnassignedBucket()) {
            return Double.MAX_VALUE;
        }
        return origin.getTravel().distance(vehicleDay.getHubLocation(), origin.getLocation());
    }
}
