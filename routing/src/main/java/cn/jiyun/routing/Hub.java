package cn.jiyun.routing;

import java.time.LocalTime;

/** A cooperative's county hub: vehicles start and end here, and the day's trunk leaves at {@code trunkCutoff}. */
public record Hub(String id, String name, GeoPoint location, String countyCode, LocalTime trunkCutoff) {

    public Hub {
        require(id, "id");
        require(location, "location");
        require(trunkCutoff, "trunkCutoff");
    }

    static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
