package cn.jiyun.routing;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** One vehicle's pickup round on one day, from its hub back to its hub; cost in fen (fixed + per km + per hour). */
public record Route(String id, String vehicleId, String hubId, LocalDate day, ZonedDateTime departure,
        ZonedDateTime returnToHub, List<RouteStop> stops, long metres, long costFen) {

    public double km() {
        return metres / 1000.0;
    }

    public int parcelCount() {
        return stops.stream().mapToInt(stop -> stop.parcelIds().size()).sum();
    }
}
