package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.tracking.ParcelStage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * An order's way from received to the buyer's door, as the seller's page and the public tracking page both show
 * it: the steps done, with their Asia/Shanghai times, then the steps still to come, and the carrier's scans after
 * the hub.
 * It holds nothing about the buyer, the producer or the money, so any page may show all of it.
 */
public record OrderTimeline(OrderStatus status, List<Step> steps, List<Scan> journey) {

    public OrderTimeline {
        steps = List.copyOf(steps);
        journey = List.copyOf(journey);
    }

    /** The carrier's scans as a tracking page lists them, the latest on top. */
    public List<Scan> newestScansFirst() {
        List<Scan> newest = new java.util.ArrayList<>(journey);
        java.util.Collections.reverse(newest);
        return newest;
    }

    /**
     * One scan of the parcel by the express carrier after the hub, oldest first: when (Asia/Shanghai), in which city,
     * where that leaves the parcel, and the carrier's words with every phone number masked.
     */
    public record Scan(LocalDateTime at, String city, ParcelStage stage, String text) {
    }

    /**
     * One step. {@code at} is null while it is still to come; {@code current} marks the last step
     * done. A PLANNED step carries its pickups, a HANDED_TO_CARRIER step the carrier and waybill.
     */
    public record Step(OrderStatus status, LocalDateTime at, boolean current, List<Pickup> pickups, Carrier carrier,
                       String waybill) {
        public Step {
            pickups = List.copyOf(pickups);
        }

        public boolean done() {
            return at != null;
        }
    }

    /** When the courier is planned to collect (some of) the order's parcels: the day and arrival at the stop. */
    public record Pickup(LocalDate day, LocalTime eta) {
    }
}
