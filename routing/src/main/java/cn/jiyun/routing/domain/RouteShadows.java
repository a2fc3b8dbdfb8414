package cn.jiyun.routing.domain;

import java.util.List;

/** Fills in the shadow variables of routes built outside the solver (pinned stops placed before solving). */
public final class RouteShadows {

    private RouteShadows() {
    }

    public static void refresh(VehicleDay vehicleDay) {
        List<PickupStop> stops = vehicleDay.getStops();
        long departure = vehicleDay.getDepartureTime();
        int from = vehicleDay.getHubLocation();
        long weight = 0;
        long volume = 0;
        PickupStop previous = null;
        for (PickupStop stop : stops) {
            stop.setVehicleDay(vehicleDay);
            stop.setPreviousStop(previous);
            stop.setNextStop(null);
            if (previous != null) {
                previous.setNextStop(stop);
            }
            if (vehicleDay.isUnassignedBucket()) {
                stop.setArrivalTime(null);
                stop.setLoadWeight(null);
                stop.setLoadVolume(null);
            } else {
                weight += stop.getWeight();
                volume += stop.getVolume();
                stop.setArrivalTime(departure + vehicleDay.getTravel().duration(from, stop.getLocation()));
                stop.setLoadWeight(weight);
                stop.setLoadVolume(volume);
                departure = stop.departureTime();
                from = stop.getLocation();
            }
            previous = stop;
        }
    }
}
