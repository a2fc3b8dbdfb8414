package cn.jiyun.fulfillment.orders;

import java.time.Instant;

/** A parcel ready to be planned into a pickup route, with what the planner needs of its order. */
public record ParcelAwaitingPickup(Long parcelId, Long orderId, Long producerId, int weightGrams, int volumeMl,
                                   boolean chilled, Instant paidAt, Instant shipBy) {
}
