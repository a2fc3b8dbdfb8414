package cn.jiyun.routing;

/** A parcel left out of the plan, with the reason and a sentence a dispatcher can read. */
public record UnassignedParcel(String parcelId, String producerId, UnassignedReason reason, String detail) {
}
