package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Platform;

import java.time.LocalDate;

/**
 * What to list orders by; every part is optional. {@code shopId} is the platform's shop id,
 * {@code hubId} selects orders whose producers are nearest that hub, {@code paidFrom}/{@code paidTo}
 * are calendar days in Asia/Shanghai (inclusive), the box is a WGS-84 area the producers lie in, and
 * {@code platformOrderId} is the platform's order id or its beginning (what a seller types to find an order).
 */
public record OrderFilter(OrderStatus status, Platform platform, String shopId, Long producerId, Long hubId,
                          LocalDate paidFrom, LocalDate paidTo, Box area, String platformOrderId) {

    /** The orders in one status, e.g. those needing attention. */
    public static OrderFilter withStatus(OrderStatus status) {
        return new OrderFilter(status, null, null, null, null, null, null, null, null);
    }

    /** A longitude/latitude rectangle. */
    public record Box(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {
    }
}
