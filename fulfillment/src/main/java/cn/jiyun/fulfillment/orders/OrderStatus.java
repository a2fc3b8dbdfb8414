package cn.jiyun.fulfillment.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/** Where an order stands in Jiyun, and which steps may follow which. */
public enum OrderStatus {
    /** Stored, not yet checked against the SKU mappings. */
    RECEIVED,
    /** Its parcels are ready to be planned into a pickup route. */
    AWAITING_PICKUP,
    /** On an approved pickup route. */
    PLANNED,
    /** The courier has collected its parcels. */
    PICKED_UP,
    /** Its parcels are at the county hub. */
    AT_HUB,
    /** Given to the express carrier under a waybill number. */
    HANDED_TO_CARRIER,
    /** The carrier has scanned it on its way to the buyer (collected, between sorting centres, out for delivery). */
    IN_TRANSIT,
    /** Signed for at the buyer's. */
    DELIVERED,
    /** Sent back to the seller by the carrier (refused, undeliverable); a person settles it. */
    RETURNED,
    /** Cancelled before pickup. */
    CANCELLED,
    /** A person must act; the reason says why (e.g. no producer mapped for a SKU). */
    NEEDS_ATTENTION;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.ofEntries(
            entry(RECEIVED, EnumSet.of(AWAITING_PICKUP, NEEDS_ATTENTION, CANCELLED)),
            entry(AWAITING_PICKUP, EnumSet.of(PLANNED, NEEDS_ATTENTION, CANCELLED)),
            // a plan can be withdrawn; a producer can be skipped or refuse on the day
            entry(PLANNED, EnumSet.of(PICKED_UP, AWAITING_PICKUP, NEEDS_ATTENTION, CANCELLED)),
            // once collected, a cancellation needs a person (the goods go back): NEEDS_ATTENTION
            entry(PICKED_UP, EnumSet.of(AT_HUB, NEEDS_ATTENTION)),
            entry(AT_HUB, EnumSet.of(HANDED_TO_CARRIER, NEEDS_ATTENTION)),
            // the carrier's scans move it on; a problem parcel or a silent carrier needs a person
            entry(HANDED_TO_CARRIER, EnumSet.of(IN_TRANSIT, DELIVERED, RETURNED, NEEDS_ATTENTION)),
            entry(IN_TRANSIT, EnumSet.of(DELIVERED, RETURNED, NEEDS_ATTENTION)),
            entry(DELIVERED, EnumSet.noneOf(OrderStatus.class)),
            // a returned parcel waits for a person, who refunds or ships it again
            entry(RETURNED, EnumSet.of(NEEDS_ATTENTION)),
            entry(CANCELLED, EnumSet.noneOf(OrderStatus.class)),
            // a problem parcel the carrier moves on again, or one a person settles after its return
            entry(NEEDS_ATTENTION, EnumSet.of(AWAITING_PICKUP, AT_HUB, CANCELLED, IN_TRANSIT, DELIVERED, RETURNED)));

    /** The steps after the hub: only an order with a waybill can take them. */
    public boolean afterHandover() {
        return this == IN_TRANSIT || this == DELIVERED || this == RETURNED;
    }

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<OrderStatus> next() {
        return Set.copyOf(NEXT.get(this));
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
