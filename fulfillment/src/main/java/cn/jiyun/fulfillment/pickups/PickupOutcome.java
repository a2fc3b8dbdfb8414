package cn.jiyun.fulfillment.pickups;

/** What became of a parcel at its stop. */
public enum PickupOutcome {
    /** On the van. */
    COLLECTED,
    /** The producer has not packed it yet: it waits for a later route. */
    NOT_READY,
    /** The producer would not hand it over. */
    REFUSED,
    /** Damaged at the producer; not taken. */
    DAMAGED;

    /** Outcomes a person must look at before the order can go on. */
    boolean needsAPerson() {
        return this == REFUSED || this == DAMAGED;
    }
}
