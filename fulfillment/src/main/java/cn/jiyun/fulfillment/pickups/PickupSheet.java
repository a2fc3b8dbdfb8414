package cn.jiyun.fulfillment.pickups;

import java.time.Instant;
import java.util.List;

/**
 * Where a route's pickups stand: per stop, each parcel's outcome so far (none yet: {@code null}),
 * whether the stop was skipped, and the load collected at it and up to it, in grams.
 */
public record PickupSheet(Long routeId, List<StopSheet> stops, int parcels, int confirmed, int collected,
                          long collectedGrams) {

    public PickupSheet {
        stops = List.copyOf(stops);
    }

    public double collectedKg() {
        return collectedGrams / 1000.0;
    }

    /** The stop with this 1-based sequence. */
    public StopSheet stop(int sequence) {
        return stops.stream().filter(s -> s.sequence() == sequence).findFirst().orElse(null);
    }

    /** One stop's pickups. */
    public record StopSheet(int sequence, Long producerId, boolean skipped, String skipReason,
                            List<ParcelSheet> parcels, long collectedGrams, long collectedGramsSoFar) {

        public StopSheet {
            parcels = List.copyOf(parcels);
        }

        public double collectedKg() {
            return collectedGrams / 1000.0;
        }

        public double collectedKgSoFar() {
            return collectedGramsSoFar / 1000.0;
        }

        /** Every parcel has an outcome, or the stop was skipped. */
        public boolean done() {
            return skipped || parcels.stream().allMatch(p -> p.outcome() != null);
        }

        public boolean anyConfirmed() {
            return parcels.stream().anyMatch(p -> p.outcome() != null);
        }

        public ParcelSheet parcel(Long parcelId) {
            return parcels.stream().filter(p -> p.parcelId().equals(parcelId)).findFirst().orElse(null);
        }
    }

    /** One parcel: its outcome, who recorded it when, and whether it has reached the hub. */
    public record ParcelSheet(Long parcelId, String code, Long orderId, int weightGrams, PickupOutcome outcome,
                              String reason, String recordedBy, Instant recordedAt, boolean atHub) {
    }
}
