package cn.jiyun.fulfillment.pickups;

import cn.jiyun.integrations.Carrier;

import java.util.List;

/** What the hub's scans did. */
public final class HubAnswer {

    private HubAnswer() {
    }

    /**
     * Parcels scanned in at the hub ({@code alreadyArrived}: scanned before, nothing changed), the
     * orders that are now wholly at the hub, and those still waiting for some of their parcels.
     */
    public record Arrival(List<ArrivedParcel> parcels, List<OrderMove> orders, List<String> stillMissing) {
        public Arrival {
            parcels = List.copyOf(parcels);
            orders = List.copyOf(orders);
            stillMissing = List.copyOf(stillMissing);
        }

        public int newlyArrived() {
            return (int) parcels.stream().filter(p -> !p.alreadyArrived()).count();
        }
    }

    /** One parcel scanned in. */
    public record ArrivedParcel(String code, Long orderId, boolean alreadyArrived) {
    }

    /** An order handed to the carrier ({@code alreadyHandedOver}: it was, under this waybill, before). */
    public record Handover(Long orderId, String platformOrderId, Carrier carrier, String waybillNumber,
                           boolean alreadyHandedOver) {
    }
}
