package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an {@code order/get} answer into a {@link CanonicalOrder}: WeChat's status codes, seconds since
 * the epoch, fen, the earliest {@code delivery_deadline} as ship-by, and only the buyer's province and city.
 */
public class WechatOrderMapper {

    /** README 3.2; 21 (partly shipped) counts as shipped: someone already started shipping it outside Jiyun. */
    private static final Map<Integer, PlatformOrderStatus> STATUSES = Map.of(
            10, PlatformOrderStatus.AWAITING_PAYMENT,
            20, PlatformOrderStatus.PAID,
            21, PlatformOrderStatus.SHIPPED,
            30, PlatformOrderStatus.SHIPPED,
            100, PlatformOrderStatus.COMPLETED,
            190, PlatformOrderStatus.CANCELLED,
            200, PlatformOrderStatus.CANCELLED,
            250, PlatformOrderStatus.CANCELLED);

    private final ObjectMapper json;

    public WechatOrderMapper(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Maps the {@code order} of an {@code order/get} answer.
     *
     * @param orderGetAnswer the whole answer, as received
     * @throws UnmappableOrderException with a reason a person can act on
     */
    public CanonicalOrder toCanonical(String shopId, String orderGetAnswer) {
        String rawOrder = rawOrder(orderGetAnswer)
                .orElseThrow(() -> new UnmappableOrderException("order/get answered without an \"order\" object"));
        WechatOrder order;
        try {
            order = json.readValue(rawOrder, WechatOrder.class);
        } catch (JsonProcessingException e) {
            throw new UnmappableOrderException("order JSON does not match WeChat's order/get fields: "
                    + e.getOriginalMessage());
        }
        return toCanonical(shopId, order, rawOrder);
    }

    /** The {@code order} object of an {@code order/get} answer, character for character. */
    Optional<String> rawOrder(String orderGetAnswer) {
        JsonFactory factory = json.getFactory();
        try (JsonParser parser = factory.createParser(orderGetAnswer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("order".equals(name) && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    return Optional.of(orderGetAnswer.substring(start, end));
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UnmappableOrderException("order/get answer is not valid JSON: " + e.getMessage());
        }
    }

    CanonicalOrder toCanonical(String shopId, WechatOrder order, String rawOrder) {
        String orderId = required(order.orderId(), "order_id", "?");
        if (orderId.isBlank()) {
            throw new UnmappableOrderException("order has a blank order_id");
        }
        Integer code = required(order.status(), "status", orderId);
        PlatformOrderStatus status = Optional.ofNullable(STATUSES.get(code)).orElseThrow(() ->
                new UnmappableOrderException("order " + orderId + " has status " + code
                        + ", which is none of WeChat's 10, 20, 21, 30, 100, 190, 200, 250; check the API docs and "
                        + "extend WechatOrderMapper"));
        Instant createdAt = seconds(required(order.createTime(), "create_time", orderId));
        Instant updatedAt = seconds(required(order.updateTime(), "update_time", orderId));
        WechatOrder.OrderDetail detail = required(order.orderDetail(), "order_detail", orderId);

        List<OrderLine> lines = new ArrayList<>();
        Instant shipBy = null;
        long linesTotal = 0;
        List<WechatOrder.ProductInfo> products = order.products();
        for (int i = 0; i < products.size(); i++) {
            WechatOrder.ProductInfo product = products.get(i);
            String where = "order " + orderId + " product_infos[" + i + "]";
            if (product == null) {
                throw new UnmappableOrderException(where + " is null");
            }
            String skuId = product.skuId();
            if (skuId == null || skuId.isBlank()) {
                throw new UnmappableOrderException(where + " has no sku_id, so no producer can be found for it");
            }
            int quantity = Objects.requireNonNullElse(product.skuCnt(), 0);
            if (quantity < 1) {
                throw new UnmappableOrderException(where + " has sku_cnt " + product.skuCnt());
            }
            long paid = product.realPrice() != null ? product.realPrice()
                    : Objects.requireNonNullElse(product.salePrice(), 0L) * quantity;
            if (paid < 0) {
                throw new UnmappableOrderException(where + " has a negative price " + paid);
            }
            lines.add(new OrderLine(skuId, product.title(), quantity, paid));
            linesTotal += paid;
            if (product.deliveryDeadline() != null && product.deliveryDeadline() > 0) {
                Instant deadline = seconds(product.deliveryDeadline());
                shipBy = shipBy == null || deadline.isBefore(shipBy) ? deadline : shipBy;
            }
        }
        if (lines.isEmpty()) {
            throw new UnmappableOrderException("order " + orderId + " has no product_infos");
        }

        Long orderPrice = detail.priceInfo() == null ? null : detail.priceInfo().orderPrice();
        long total = orderPrice != null ? orderPrice : linesTotal;
        if (total < 0) {
            throw new UnmappableOrderException("order " + orderId + " has a negative order_price " + total);
        }
        Long payTime = detail.payInfo() == null ? null : detail.payInfo().payTime();
        Instant paidAt = payTime == null || payTime <= 0 ? null : seconds(payTime);
        WechatOrder.AddressInfo address = detail.deliveryInfo() == null ? null : detail.deliveryInfo().addressInfo();

        return new CanonicalOrder(Platform.WECHAT, shopId, orderId, status, createdAt, paidAt, updatedAt, shipBy,
                lines, total,
                address == null ? "" : address.provinceName(),
                address == null ? "" : address.cityName(),
                rawOrder);
    }

    private static <T> T required(T value, String field, String orderId) {
        if (value == null) {
            throw new UnmappableOrderException("order " + orderId + " has no " + field);
        }
        return value;
    }

    /** WeChat times are seconds; a millisecond value would land tens of thousands of years ahead. */
    private static Instant seconds(long epochSeconds) {
        if (epochSeconds <= 0 || epochSeconds > 99_999_999_999L) {
            throw new UnmappableOrderException("time " + epochSeconds + " is not in seconds since the epoch");
        }
        return Instant.ofEpochSecond(epochSeconds);
    }
}
