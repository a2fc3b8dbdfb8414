package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Platform;

import java.time.LocalDate;

/**
 * What to list orders by; every part is optional. {@code shopId} is the platform's shop id,
 * {@code hubId} selects orders whose producers are nearest that hub, {@code paidFrom}/{@code paidTo}
 * are calendar days in Asia/Shanghai (inclusive), and the box is a WGS-84 area the producers lie in.
 */
public record OrderFilter(OrderStatus status, Platform platform, String shopId, Long producerId, Long hubId,
                          LocalDate paidFrom, LocalDate paidTo, Box area) {

    /** The orders in one status, e.g. those needing attention. */
    public static OrderFilter withStatus(OrderStatus status) {
        return new OrderFilter(status, null, null, null, null, null, null, null);
    }

    /** A longitude/latitude rectangle. */
    public record Box(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {
    }
}
