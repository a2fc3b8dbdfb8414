package cn.jiyun.fulfillment.planning;

import java.time.Instant;
import java.util.List;

/**
 * One stop of a stored route: the producer, when the courier arrives and starts loading, the parcels
 * collected there and the load after it.
 */
public record PlanStop(long producerId, Instant arrival, Instant serviceStart, List<Long> parcelIds,
                       long loadGramsAfter, long loadMillilitresAfter, boolean pinned) {
    public PlanStop {
        parcelIds = List.copyOf(parcelIds);
    }
}
