package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Carrier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * An order's way from received to the express carrier, as the seller's page and the public tracking
 * page both show it: the steps done, with their Asia/Shanghai times, then the steps still to come.
 * It holds nothing about the buyer, the producer or the money, so any page may show all of it.
 */
public record OrderTimeline(OrderStatus status, List<Step> steps) {

    public OrderTimeline {
        steps = List.copyOf(steps);
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
