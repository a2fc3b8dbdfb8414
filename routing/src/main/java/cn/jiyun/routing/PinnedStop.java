package cn.jiyun.routing;

import java.time.LocalDate;

/**
 * A stop a person fixed, or one already visited: the producer's parcels ready by {@code day} are collected by
 * {@code vehicleId} on that day at {@code position} (0-based). Pins of one vehicle-day form the route's fixed
 * beginning, in position order; the solver adds stops only after them.
 */
public record PinnedStop(String producerId, String vehicleId, LocalDate day, int position) {

    public PinnedStop {
        Hub.require(producerId, "producerId");
        Hub.require(vehicleId, "vehicleId");
        Hub.require(day, "day");
    }
}
