package cn.jiyun.routing;

import java.time.LocalDate;

/**
 * A stop a person fixed, or one already visited: the producer's parcels ready by {@code day} are collected by
 * {@code vehicleId} on that day at {@code position} (0-based). Pins of one vehicle-day form the route's fixed
 * beginning, in position order; the solver adds stops only after them.
 *
 * <p>A <em>day pin</em> has no vehicle ({@code vehicleId == null}): the producer is visited on that day by whichever
 * vehicle the solver chooses, at whichever position ({@code position} is ignored).
 */
public record PinnedStop(String producerId, String vehicleId, LocalDate day, int position) {

    public PinnedStop {
        Hub.require(producerId, "producerId");
        Hub.require(day, "day");
    }

    /** Visit {@code producerId} on {@code day}, any vehicle, any position. */
    public static PinnedStop onDay(String producerId, LocalDate day) {
        return new PinnedStop(producerId, null, day, 0);
    }

    public boolean isDayPin() {
        return vehicleId == null;
    }
}
