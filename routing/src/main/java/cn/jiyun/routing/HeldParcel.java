package cn.jiyun.routing;

import java.time.LocalDate;

/**
 * A parcel the plan does not collect although it could: its deadline lets it wait until {@code lastDay} (the last
 * day whose trunk still meets it), and {@code reason} says why waiting is the better choice; {@code holdingCostFen}
 * is what the wait was priced at.
 */
public record HeldParcel(String parcelId, String producerId, LocalDate lastDay, String reason, long holdingCostFen) {
}
