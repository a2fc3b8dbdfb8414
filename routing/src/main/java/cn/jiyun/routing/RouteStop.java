package cn.jiyun.routing;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One visit on a route: when the vehicle arrives, when loading starts (after waiting for the window) and what it loads.
 * {@code pinned}: visited or pinned by a person, to this vehicle or (a day pin) only to this day.
 */
public record RouteStop(String producerId, List<String> parcelIds, ZonedDateTime arrival, ZonedDateTime serviceStart,
        long loadGramsAfter, long loadMillilitresAfter, boolean pinned) {
}
