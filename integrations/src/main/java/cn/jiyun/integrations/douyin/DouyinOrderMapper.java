package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a Douyin shop order (README 1.5) into the canonical order: statuses in common terms,
 * unix times as {@link Instant}, fen as fen, {@code exp_ship_time} as the ship-by deadline, the
 * buyer's province and city only. Nothing Douyin-specific leaves this class except the raw JSON.
 */
public class DouyinOrderMapper {

    /** README 1.5 {@code order_status}; 101 (partly shipped) still has lines waiting for the seller. */
    private static final Map<Integer, PlatformOrderStatus> STATUSES = Map.of(
            1, PlatformOrderStatus.AWAITING_PAYMENT,
            105, PlatformOrderStatus.PAID,
            2, PlatformOrderStatus.PAID,
            101, PlatformOrderStatus.PAID,
            3, PlatformOrderStatus.SHIPPED,
            4, PlatformOrderStatus.CANCELLED,
            5, PlatformOrderStatus.COMPLETED);

    /** Unix seconds stay below this until the year 5138; anything larger was sent in milliseconds. */
    private static final long LARGEST_PLAUSIBLE_SECONDS = 100_000_000_000L;

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    DouyinShopOrder read(JsonNode raw) throws DouyinUnmappableOrder {
        if (raw == null || !raw.isObject()) {
            throw new DouyinUnmappableOrder("Douyin sent an order that is not a JSON object: " + raw);
        }
        try {
            return json.treeToValue(raw, DouyinShopOrder.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DouyinUnmappableOrder("Douyin order " + raw.path("order_id").asText("(no order_id)")
                    + " has fields of an unexpected type: " + e.getMessage(), e);
        }
    }

    /** True when the list entry lacks what {@link #map} needs and {@code order.orderDetail} should be asked. */
    boolean needsDetail(DouyinShopOrder order) {
        return order.skuOrderList().isEmpty();
    }

    /**
     * Maps one order of the shop.
     *
     * @throws DouyinUnmappableOrder with a reason a person can act on
     */
    CanonicalOrder map(String shopId, JsonNode raw) throws DouyinUnmappableOrder {
        DouyinShopOrder order = read(raw);
        String orderId = order.orderId();
        if (orderId == null || orderId.isBlank()) {
            throw new DouyinUnmappableOrder("Douyin order without order_id");
        }
        if (order.shopId() != null && !order.shopId().isBlank() && !order.shopId().equals(shopId)) {
            throw new DouyinUnmappableOrder("Douyin order " + orderId + " belongs to shop " + order.shopId()
                    + " but was read with the token of shop " + shopId);
        }
        PlatformOrderStatus status = STATUSES.get(order.orderStatus());
        if (status == null) {
            throw new DouyinUnmappableOrder("Douyin order " + orderId + " has order_status " + order.orderStatus()
                    + " (" + order.orderStatusDesc() + "), which Jiyun does not know; add it to DouyinOrderMapper");
        }
        Instant createdAt = require(orderId, "create_time", instant(order.createTime()));
        Instant updatedAt = require(orderId, "update_time", instant(order.updateTime()));
        if (order.payAmount() == null || order.payAmount() < 0) {
            throw new DouyinUnmappableOrder("Douyin order " + orderId + " has no valid pay_amount: " + order.payAmount());
        }
        List<OrderLine> lines = lines(orderId, order.skuOrderList());
        try {
            return new CanonicalOrder(Platform.DOUYIN, shopId, orderId, status, createdAt, instant(order.payTime()),
                    updatedAt, shipBy(order), lines, order.payAmount(),
                    region(order.postAddr() == null ? null : order.postAddr().province()),
                    region(order.postAddr() == null ? null : order.postAddr().city()),
                    withoutReadablePersonalData(raw));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DouyinUnmappableOrder("Douyin order " + orderId + " is inconsistent: " + e.getMessage(), e);
        }
    }

    /**
     * The order's JSON as Douyin sent it, minus the receiver's name, phone and street address in
     * plain or masked form; the {@code encrypt_*} ciphertexts stay for Douyin e-waybill printing.
     */
    static String withoutReadablePersonalData(JsonNode raw) {
        ObjectNode copy = raw.deepCopy();
        copy.remove(List.of("post_receiver", "post_tel", "mask_post_receiver", "mask_post_tel", "mask_post_addr"));
        if (copy.get("post_addr") instanceof ObjectNode address) {
            address.remove("detail");
        }
        return copy.toString();
    }

    private List<OrderLine> lines(String orderId, List<DouyinSkuOrder> skuOrders) throws DouyinUnmappableOrder {
        if (skuOrders.isEmpty()) {
            throw new DouyinUnmappableOrder("Douyin order " + orderId + " has no sku_order_list, even in order.orderDetail");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (DouyinSkuOrder sku : skuOrders) {
            String which = "Douyin order " + orderId + " sub-order " + sku.orderId();
            if (sku.skuId() == null || sku.skuId().isBlank() || "0".equals(sku.skuId())) {
                throw new DouyinUnmappableOrder(which + " has no sku_id, so no producer can be found for it");
            }
            if (sku.itemNum() == null || sku.itemNum() < 1) {
                throw new DouyinUnmappableOrder(which + " has item_num " + sku.itemNum());
            }
            Long paid = sku.payAmount() != null ? sku.payAmount() : sku.sumAmount();
            if (paid == null || paid < 0) {
                throw new DouyinUnmappableOrder(which + " has neither pay_amount nor sum_amount");
            }
            lines.add(new OrderLine(sku.skuId(), sku.productName(), sku.itemNum(), paid));
        }
        return lines;
    }

    /** The shop order's {@code exp_ship_time}, else the earliest of its sub-orders'. */
    private static Instant shipBy(DouyinShopOrder order) {
        Instant own = instant(order.expShipTime());
        if (own != null) {
            return own;
        }
        return order.skuOrderList().stream()
                .map(sku -> instant(sku.expShipTime()))
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** Douyin sends unix seconds, 0 for "not yet"; a millisecond value is recognised by its size. */
    static Instant instant(Long value) {
        if (value == null || value <= 0) {
            return null;
        }
        return value > LARGEST_PLAUSIBLE_SECONDS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private static Instant require(String orderId, String field, Instant value) throws DouyinUnmappableOrder {
        if (value == null) {
            throw new DouyinUnmappableOrder("Douyin order " + orderId + " has no " + field);
        }
        return value;
    }

    private static String region(DouyinShopOrder.Region region) {
        return region == null || region.name() == null ? "" : region.name();
    }
}
