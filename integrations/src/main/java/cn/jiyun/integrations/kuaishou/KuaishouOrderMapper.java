package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns one element of Kuaishou's {@code orderList} into a {@link CanonicalOrder}: one order is
 * one line, times are unix milliseconds, money is fen, and only the buyer's province and city
 * are kept. An order it cannot map is refused with a reason a person can act on.
 */
public class KuaishouOrderMapper {

    /** Kuaishou order statuses (README 2.5). */
    private static final Map<Integer, PlatformOrderStatus> STATUSES = Map.of(
            10, PlatformOrderStatus.AWAITING_PAYMENT, // 待付款
            30, PlatformOrderStatus.PAID,             // 已付款, waiting to ship
            40, PlatformOrderStatus.SHIPPED,          // 已发货
            50, PlatformOrderStatus.COMPLETED,        // 已签收
            70, PlatformOrderStatus.COMPLETED,        // 订单成功
            80, PlatformOrderStatus.CANCELLED);       // 订单失败 / closed

    private final ObjectMapper json;

    public KuaishouOrderMapper(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @throws UnmappableOrderException when the order lacks what Jiyun needs or says something unknown
     */
    CanonicalOrder toCanonical(String shopId, JsonNode raw) {
        KuaishouOrder order;
        try {
            order = json.treeToValue(raw, KuaishouOrder.class);
        } catch (JsonProcessingException e) {
            throw new UnmappableOrderException("Kuaishou order JSON does not have the documented shape: "
                    + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new UnmappableOrderException("Kuaishou order JSON does not have the documented shape: "
                    + e.getMessage());
        }
        KuaishouOrder.OrderBaseInfo base = order.orderBaseInfo();
        if (base == null || blank(base.oid())) {
            throw new UnmappableOrderException("Kuaishou order has no orderBaseInfo.oid");
        }
        String oid = base.oid();
        PlatformOrderStatus status = STATUSES.get(base.status());
        if (status == null) {
            throw new UnmappableOrderException("Kuaishou order " + oid + " has status " + base.status()
                    + ", which Jiyun does not know; add it to KuaishouOrderMapper and replay");
        }
        Instant createdAt = required(base.createTime(), oid, "createTime");
        Instant updatedAt = required(base.updateTime(), oid, "updateTime");
        KuaishouOrder.OrderItemInfo item = order.orderItemInfo();
        if (item == null) {
            throw new UnmappableOrderException("Kuaishou order " + oid + " has no orderItemInfo");
        }
        String sku = !blank(item.skuId()) && !"0".equals(item.skuId()) ? item.skuId() : item.relSkuId();
        if (blank(sku) || "0".equals(sku)) {
            throw new UnmappableOrderException("Kuaishou order " + oid + " has no skuId; cannot find its producer");
        }
        if (item.num() == null || item.num() < 1) {
            throw new UnmappableOrderException("Kuaishou order " + oid + " has quantity " + item.num());
        }
        if (base.totalFee() == null || base.totalFee() < 0) {
            throw new UnmappableOrderException("Kuaishou order " + oid + " has no valid totalFee");
        }
        long total = base.totalFee();
        // one order is one line: what the buyer paid for the goods is the total less postage
        long lineAmount = Math.max(0, total - orZero(base.expressFee()));
        KuaishouOrder.OrderAddress address = order.orderAddress();
        return new CanonicalOrder(Platform.KUAISHOU, shopId, oid, status, createdAt, optional(base.payTime()),
                updatedAt, shipBy(base), List.of(new OrderLine(sku, item.itemTitle(), item.num(), lineAmount)),
                total, address == null ? "" : address.province(), address == null ? "" : address.city(),
                raw.toString());
    }

    private static Instant shipBy(KuaishouOrder.OrderBaseInfo base) {
        Instant promised = optional(base.promiseTimeStampOfDelivery());
        return promised != null ? promised : optional(base.validPromiseShipmentTimeStamp());
    }

    private static Instant required(Long millis, String oid, String field) {
        Instant instant = optional(millis);
        if (instant == null) {
            throw new UnmappableOrderException("Kuaishou order " + oid + " has no " + field);
        }
        return instant;
    }

    /** Kuaishou sends 0 for "not yet" (e.g. payTime of an unpaid order). */
    private static Instant optional(Long millis) {
        return millis == null || millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** An order that cannot become a {@link CanonicalOrder}; its message is the reason for the dead letter. */
    static final class UnmappableOrderException extends RuntimeException {
        UnmappableOrderException(String reason) {
            super(reason);
        }
    }
}
