package cn.jiyun.routing;

import java.time.Duration;
import java.time.LocalTime;

/** A farm or workshop whose parcels are collected, within its daily pickup window (Asia/Shanghai local time). */
public record Producer(String id, String name, GeoPoint location, String countyCode, LocalTime pickupFrom,
        LocalTime pickupUntil, Duration serviceTime) {

    public Producer {
        Hub.require(id, "id");
        Hub.require(location, "location");
        pickupFrom = pickupFrom == null ? LocalTime.MIN : pickupFrom;
        pickupUntil = pickupUntil == null ? LocalTime.MAX : pickupUntil;
        serviceTime = serviceTime == null ? Duration.ofMinutes(5) : serviceTime;
        if (pickupUntil.isBefore(pickupFrom)) {
            throw new IllegalArgumentException("producer " + id + " window closes before it opens");
        }
    }
}
