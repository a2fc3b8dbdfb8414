package cn.jiyun.routing.solver;

import java.util.ArrayList;
import java.util.List;

import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.TravelTimes;
import cn.jiyun.routing.domain.VehicleDay;

/** Small fixtures: a line of locations 0..n where location 0 is the hub and each step is 1 km / 10 min. */
final class Routes {

    static final long KM = 1000;
    static final long MINUTE = 60;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    static final TravelTimes LINE = line(6);

    private Routes() {
    }

    static TravelTimes line(int size) {
        long[][] distance = new long[size][size];
        long[][] duration = new long[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                distance[i][j] = Math.abs(i - j) * KM;
                duration[i][j] = Math.abs(i - j) * 10 * MINUTE;
            }
        }
        return new TravelTimes(distance, duration);
    }

    /** A van based at location 0 on the given day, 08:00–18:00, 1 t / 1 m³, 2 yuan per km, 100 yuan a day. */
    static VehicleDay van(String id, int day) {
        return vehicle(id, day, 1_000_000, 1_000_000, false);
    }

    static VehicleDay vehicle(String id, int day, long weightCapacity, long volumeCapacity, boolean refrigerated) {
        long dayStart = day * DAY;
        return new VehicleDay(id + "@" + day, id, day, 0, weightCapacity, volumeCapacity, refrigerated, 200,
                100_00L * 1000, 0, dayStart, dayStart + 8 * HOUR, dayStart + 18 * HOUR, dayStart + 18 * HOUR, LINE);
    }

    static PickupStop stop(String id, int location, long weight) {
        return new PickupStop(id, "producer-" + id, location, List.of(id + "-parcel"), weight, weight)
                .withTravel(LINE);
    }

    /** Puts the stops on the vehicle-day in order and fills in the shadow variables as the solver would. */
    static VehicleDay route(VehicleDay vehicleDay, PickupStop... stops) {
        vehicleDay.setStops(new ArrayList<>(List.of(stops)));
        long departure = vehicleDay.getDepartureTime();
        int from = vehicleDay.getHubLocation();
        long weight = 0;
        long volume = 0;
        PickupStop previous = null;
        for (PickupStop stop : stops) {
            stop.setVehicleDay(vehicleDay);
            stop.setPreviousStop(previous);
            if (previous != null) {
                previous.setNextStop(stop);
            }
            stop.setNextStop(null);
            if (!vehicleDay.isUnassignedBucket()) {
                weight += stop.getWeight();
                volume += stop.getVolume();
                stop.setArrivalTime(departure + LINE.duration(from, stop.getLocation()));
                stop.setLoadWeight(weight);
                stop.setLoadVolume(volume);
                departure = stop.departureTime();
                from = stop.getLocation();
            }
            previous = stop;
        }
        return vehicleDay;
    }
}
