package cn.jiyun.integrations.tracking;

/** Where a parcel stands after the hub, in Jiyun's words rather than an aggregator's codes. */
public enum ParcelStage {
    /** The carrier has taken the parcel in (揽收). */
    COLLECTED,
    /** Between the carrier's sorting centres (在途, 转投, 清关). */
    IN_TRANSIT,
    /** With the courier who brings it to the door (派件). */
    OUT_FOR_DELIVERY,
    /** Signed for (签收). */
    DELIVERED,
    /** The carrier reports a problem: lost, damaged, address unclear, refused (疑难, 拒签). */
    PROBLEM,
    /** On its way back to the sender (退回). */
    RETURNING,
    /** Back with the sender (退签). */
    RETURNED;

    /** Whether a person must look at the order: the parcel will not reach the buyer as things stand. */
    public boolean isException() {
        return this == PROBLEM || this == RETURNING || this == RETURNED;
    }
}
