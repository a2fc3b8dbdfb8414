package cn.jiyun.fulfillment.pickups;

import java.util.List;

/**
 * What a confirmation at a stop did: each parcel's outcome ({@code alreadyRecorded} when it had been
 * confirmed before and nothing changed), the stop skipped if it was one, the orders moved, and the
 * route's collected load after it, in grams.
 */
public record PickupAnswer(Long routeId, List<ParcelResult> parcels, Integer skippedStop, boolean alreadySkipped,
                           List<OrderMove> orders, long collectedGrams) {

    public PickupAnswer {
        parcels = List.copyOf(parcels);
        orders = List.copyOf(orders);
    }

    /** One parcel confirmed. */
    public record ParcelResult(String code, int stop, PickupOutcome outcome, String reason, boolean alreadyRecorded) {
    }

    public int newlyRecorded() {
        return (int) parcels.stream().filter(p -> !p.alreadyRecorded()).count();
    }
}
