package cn.jiyun.fulfillment.support;

import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.PlatformOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Canonical orders as a connector would deliver them, for intake tests. */
public final class PlatformOrders {

    private PlatformOrders() {
    }

    public static CanonicalOrder order(Shop shop, String orderId, String sku, PlatformOrderStatus status,
                                       Instant updatedAt) {
        Instant placed = updatedAt.minus(Duration.ofHours(2));
        return new CanonicalOrder(shop.platform(), shop.platformShopId(), orderId, status, placed,
                status == PlatformOrderStatus.AWAITING_PAYMENT ? null : placed.plusSeconds(30), updatedAt,
                placed.plus(Duration.ofHours(48)), List.of(new OrderLine(sku, "中宁枸杞 500g", 2, 13_600)), 13_600,
                "广东省", "深圳市", "{\"order_id\":\"" + orderId + "\",\"status\":\"" + status + "\"}");
    }
}
