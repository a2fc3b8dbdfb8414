package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.SandboxOrder.Line;
import cn.jiyun.integrations.sandbox.SandboxOrder.State;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * WeChat Channels Shop as the connector meets it (README 3.1–3.5): {@code stable_token} for the app,
 * the access token in the query, {@code errcode}/{@code errmsg} answers, ids-only order lists with
 * {@code next_key}, {@code order/get} details and {@code delivery/send}.
 */
final class WechatSandboxApi extends SandboxApi {

    static final String STABLE_TOKEN = "/cgi-bin/stable_token";
    static final String ORDER_LIST = "/channels/ec/order/list/get";
    static final String ORDER_GET = "/channels/ec/order/get";
    static final String DELIVERY_SEND = "/channels/ec/order/delivery/send";
    static final List<String> ORDER_APIS = List.of(ORDER_LIST, ORDER_GET, DELIVERY_SEND);

    private static final Duration LONGEST_RANGE = Duration.ofDays(7);
    /** {@code delivery_id}s of {@code order/deliverycompanylist/get} the sandbox knows (README 3.5). */
    private static final Map<String, String> COMPANIES = Map.ofEntries(
            Map.entry("ZTO", "中通快递"), Map.entry("YTO", "圆通速递"), Map.entry("STO", "申通快递"),
            Map.entry("YD", "韵达快递"), Map.entry("SF", "顺丰速运"), Map.entry("EMS", "EMS"),
            Map.entry("JD", "京东物流"), Map.entry("JTSD", "极兔速递"), Map.entry("DBL", "德邦快递"),
            Map.entry("YZPY", "邮政快递包裹"), Map.entry("OTHER", "其他"));

    private final WechatSandboxEWaybills eWaybillCalls;
    private final WechatShopApps shopApps;

    WechatSandboxApi(Parts parts, WechatShopApps shopApps) {
        super(Platform.WECHAT, parts);
        eWaybillCalls = new WechatSandboxEWaybills(eWaybills);
        this.shopApps = shopApps;
    }

    @Override
    Map<String, Function<WireRequest, WireAnswer>> paths() {
        Map<String, Function<WireRequest, WireAnswer>> paths = new LinkedHashMap<>();
        Stream.of(Stream.of(STABLE_TOKEN), ORDER_APIS.stream(), WechatSandboxEWaybills.APIS.stream()).flatMap(s -> s)
                .forEach(path -> paths.put(path, request -> answer(request, path)));
        paths.put(WechatShopApps.BASIC_INFO, shopApps::basicInfo);
        return paths;
    }

    WireAnswer answer(WireRequest request, String api) {
        if (!"POST".equals(request.method())) {
            return error(43002, "require POST method");
        }
        JsonNode body;
        try {
            body = WireAnswer.JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
        } catch (JsonProcessingException e) {
            return error(47001, "data format error");
        }
        if (body == null || !body.isObject()) {
            return error(47001, "data format error");
        }
        if (api.equals(STABLE_TOKEN)) {
            return stableToken(body);
        }
        String accessToken = request.query().get("access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            return error(41001, "access_token missing");
        }
        SandboxTokens.Lookup lookup = tokens.lookUp(Platform.WECHAT, accessToken);
        if (lookup instanceof SandboxTokens.Lookup.Expired) {
            return error(42001, "access_token expired");
        }
        if (!(lookup instanceof SandboxTokens.Lookup.Valid valid) || valid.shopId() == null) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        return switch (api) {
            case ORDER_LIST -> orderList(valid.shopId(), body);
            case ORDER_GET -> orderGet(valid.shopId(), body);
            case DELIVERY_SEND -> deliverySend(valid.shopId(), body);
            case WechatSandboxEWaybills.CREATE, WechatSandboxEWaybills.GET, WechatSandboxEWaybills.CANCEL ->
                    eWaybillCalls.answer(api, valid.shopId(), body, REPLIES);
            default -> error(48001, "api unauthorized");
        };
    }

    private WireAnswer stableToken(JsonNode body) {
        if (!"client_credential".equals(body.path("grant_type").asText())) {
            return error(40002, "invalid grant_type");
        }
        if (!credentials.wechatAppId().equals(body.path("appid").asText())) {
            return shopApps.stableToken(body).orElseGet(() -> error(40013, "invalid appid"));
        }
        if (!credentials.wechatAppSecret().equals(body.path("secret").asText())) {
            return error(40125, "invalid appsecret");
        }
        SandboxTokens.Grant grant = tokens.wechatAppToken(body.path("force_refresh").asBoolean(false));
        ObjectNode answer = WireAnswer.JSON.createObjectNode();
        answer.put("access_token", grant.accessToken());
        answer.put("expires_in", grant.accessLifetime().toSeconds());
        return WireAnswer.json(answer);
    }

    private WireAnswer orderList(String shopId, JsonNode body) {
        JsonNode updateRange = body.get("update_time_range");
        JsonNode createRange = body.get("create_time_range");
        if (updateRange == null && createRange == null) {
            return error(47001, "data format error: create_time_range or update_time_range required");
        }
        for (JsonNode range : new JsonNode[]{updateRange, createRange}) {
            if (range != null && (!range.path("start_time").canConvertToLong() || !range.path("end_time").canConvertToLong()
                    || range.path("end_time").asLong() - range.path("start_time").asLong() > LONGEST_RANGE.toSeconds()
                    || range.path("end_time").asLong() < range.path("start_time").asLong())) {
                return error(47001, "data format error: time range must be at most 7 days");
            }
        }
        int pageSize = body.path("page_size").asInt(10);
        if (pageSize < 1 || pageSize > 100) {
            return error(47001, "data format error: page_size must be 1-100");
        }
        Integer status = body.hasNonNull("status") ? body.get("status").asInt() : null;
        List<SandboxOrder> matching = book.orders(Platform.WECHAT, shopId).stream()
                .filter(o -> within(o.updatedAt(), updateRange) && within(o.createdAt(), createRange))
                .filter(o -> status == null || status == status(o.state()))
                .sorted(Comparator.comparing(SandboxOrder::updatedAt).thenComparing(SandboxOrder::orderId))
                .toList();
        int from = 0;
        String nextKey = body.path("next_key").asText("");
        if (!nextKey.isEmpty()) {
            Optional<Integer> offset = offset(nextKey);
            if (offset.isEmpty()) {
                return error(47001, "data format error: invalid next_key");
            }
            from = Math.min(offset.get(), matching.size());
        }
        int to = Math.min(from + pageSize, matching.size());
        ObjectNode answer = ok();
        ArrayNode ids = answer.putArray("order_id_list");
        matching.subList(from, to).forEach(o -> ids.add(o.orderId()));
        answer.put("next_key", key(to));
        answer.put("has_more", to < matching.size());
        return WireAnswer.json(answer);
    }

    private WireAnswer orderGet(String shopId, JsonNode body) {
        String orderId = body.path("order_id").asText("");
        if (orderId.isEmpty()) {
            return error(47001, "data format error: order_id required");
        }
        Optional<SandboxOrder> order = book.find(Platform.WECHAT, shopId, orderId);
        if (order.isEmpty()) {
            return error(100002, "order not found");
        }
        ObjectNode answer = ok();
        answer.set("order", order(order.get()));
        return WireAnswer.json(answer);
    }

    private WireAnswer deliverySend(String shopId, JsonNode body) {
        String orderId = body.path("order_id").asText("");
        JsonNode packages = body.path("delivery_list");
        if (orderId.isEmpty() || !packages.isArray() || packages.isEmpty()) {
            return error(47001, "data format error: order_id and delivery_list required");
        }
        Optional<SandboxOrder> found = book.find(Platform.WECHAT, shopId, orderId);
        if (found.isEmpty()) {
            return error(100002, "order not found");
        }
        SandboxOrder order = found.get();
        if (order.state() == State.SHIPPED) {
            return error(109001, "order already fully shipped");
        }
        if (order.state() == State.CANCELLED) {
            return error(101100, "order status does not allow shipping");
        }
        if (packages.size() != 1) {
            return error(109000, "sandbox ships whole orders in one package");
        }
        JsonNode pack = packages.get(0);
        String deliveryId = pack.path("delivery_id").asText("");
        String waybill = pack.path("waybill_id").asText("");
        if (!COMPANIES.containsKey(deliveryId) || waybill.isEmpty()) {
            return error(47001, "data format error: unknown delivery_id or empty waybill_id");
        }
        if (pack.path("deliver_type").asInt(0) != 1) {
            return error(47001, "data format error: deliver_type must be 1 for self-sent express");
        }
        JsonNode products = pack.path("product_infos");
        if (!products.isArray() || products.isEmpty()) {
            return error(109002, "no products given");
        }
        Map<String, Integer> shipped = new HashMap<>();
        for (JsonNode product : products) {
            shipped.merge(product.path("product_id").asText() + "/" + product.path("sku_id").asText(),
                    product.path("product_cnt").asInt(0), Integer::sum);
        }
        Map<String, Integer> ordered = new HashMap<>();
        for (Line line : order.lines()) {
            ordered.merge(productId(line.skuId()) + "/" + line.skuId(), line.quantity(), Integer::sum);
        }
        if (!shipped.equals(ordered)) {
            return error(109000, "ship failed: product_infos do not match the order's products and counts");
        }
        Instant now = clock.instant();
        OrderBook.ShipOutcome outcome = book.ship(Platform.WECHAT, shopId, orderId, deliveryId, waybill, now);
        if (outcome != OrderBook.ShipOutcome.SHIPPED) {
            // changed between the checks above and now
            return error(109001, "order already fully shipped");
        }
        writeBacks.accept(new SandboxWriteBack(Platform.WECHAT, shopId, orderId, deliveryId, waybill, now, false));
        return WireAnswer.json(ok());
    }

    /** The {@code order} of {@code order/get} (README 3.3). */
    ObjectNode order(SandboxOrder order) {
        ObjectNode node = WireAnswer.JSON.createObjectNode();
        node.put("order_id", order.orderId());
        node.put("status", status(order.state()));
        node.put("create_time", order.createdAt().getEpochSecond());
        node.put("update_time", order.updatedAt().getEpochSecond());
        node.put("openid", "oSandbox" + order.buyer().openId().substring(0, 20));
        node.put("unionid", "");
        ObjectNode detail = node.putObject("order_detail");
        ArrayNode products = detail.putArray("product_infos");
        for (Line line : order.lines()) {
            ObjectNode product = products.addObject();
            product.put("product_id", productId(line.skuId()));
            product.put("sku_id", line.skuId());
            product.put("thumb_img", "https://mmecimage.cn/p/sandbox/" + productId(line.skuId()));
            product.put("title", line.title());
            product.put("sku_cnt", line.quantity());
            product.put("sale_price", line.unitFen());
            product.put("market_price", line.unitFen());
            product.put("real_price", line.paidFen());
            product.put("sku_code", "");
            product.put("out_product_id", "");
            product.put("out_sku_id", "");
            product.putArray("sku_attrs");
            product.put("on_aftersale_sku_cnt", 0);
            product.put("finish_aftersale_sku_cnt", order.state() == State.CANCELLED ? line.quantity() : 0);
            product.put("delivery_deadline", order.shipBy().getEpochSecond());
            product.put("is_free_gift", false);
        }
        ObjectNode pay = detail.putObject("pay_info");
        pay.put("prepay_id", "wx" + order.orderId());
        pay.put("prepay_time", order.createdAt().getEpochSecond() + 1);
        pay.put("pay_time", order.paidAt().getEpochSecond());
        pay.put("transaction_id", "4200002" + order.orderId().substring(order.orderId().length() - 12));
        ObjectNode price = detail.putObject("price_info");
        price.put("product_price", order.goodsFen());
        price.put("order_price", order.paidFen());
        price.put("freight", order.postageFen());
        price.put("discounted_price", order.discountFen());
        price.put("is_discounted", order.discountFen() > 0);
        ObjectNode delivery = detail.putObject("delivery_info");
        SandboxOrder.Destination to = order.destination();
        ObjectNode address = delivery.putObject("address_info");
        address.put("user_name", order.buyer().maskedName());
        address.put("tel_number", order.buyer().maskedPhone());
        address.put("province_name", to.province());
        address.put("city_name", to.city());
        address.put("county_name", to.district());
        address.put("detail_info", order.buyer().maskedStreet());
        address.put("postal_code", to.postalCode());
        address.put("national_code", String.valueOf(to.districtCode()));
        ArrayNode packages = delivery.putArray("delivery_product_info");
        order.shipped().ifPresent(shipment -> {
            ObjectNode pack = packages.addObject();
            pack.put("waybill_id", shipment.waybillNumber());
            pack.put("delivery_id", shipment.carrierCode());
            pack.put("delivery_name", COMPANIES.getOrDefault(shipment.carrierCode(), shipment.carrierCode()));
            pack.put("delivery_time", shipment.shippedAt().getEpochSecond());
            pack.put("deliver_type", 1);
            ArrayNode contents = pack.putArray("product_infos");
            for (Line line : order.lines()) {
                contents.addObject().put("product_id", productId(line.skuId())).put("sku_id", line.skuId())
                        .put("product_cnt", line.quantity());
            }
        });
        delivery.put("ship_done_time", order.shipped().map(s -> s.shippedAt().getEpochSecond()).orElse(0L));
        delivery.put("deliver_method", 0);
        return node;
    }

    static String productId(String skuId) {
        return Long.toString(10_000_000_000_000L + Math.floorMod((long) skuId.hashCode(), 1_000_000_000L));
    }

    private static int status(State state) {
        return switch (state) {
            case PAID -> 20;
            case SHIPPED -> 30;
            // a paid order the buyer cancels is refunded through after-sale: 全部售后后取消
            case CANCELLED -> 200;
        };
    }

    private static boolean within(Instant time, JsonNode range) {
        if (range == null) {
            return true;
        }
        long at = time.getEpochSecond();
        return at >= range.path("start_time").asLong() && at <= range.path("end_time").asLong();
    }

    private static String key(int offset) {
        return Base64.getEncoder().encodeToString(("sandbox:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Integer> offset(String nextKey) {
        try {
            String text = new String(Base64.getDecoder().decode(nextKey), StandardCharsets.UTF_8);
            return text.matches("sandbox:\\d{1,9}") ? Optional.of(Integer.parseInt(text.substring(8))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** WeChat answers at the top level: errcode 0 beside the fields. */
    private static final Replies REPLIES = new Replies() {
        @Override
        public WireAnswer ok(JsonNode data) {
            return WireAnswer.json(WechatSandboxApi.ok().setAll((ObjectNode) data));
        }

        @Override
        public WireAnswer refused(int code, String subCode, String message) {
            return error(code, message);
        }
    };

    private static ObjectNode ok() {
        ObjectNode answer = WireAnswer.JSON.createObjectNode();
        answer.put("errcode", 0);
        answer.put("errmsg", "ok");
        return answer;
    }

    static WireAnswer error(int errcode, String errmsg) {
        ObjectNode answer = WireAnswer.JSON.createObjectNode();
        answer.put("errcode", errcode);
        answer.put("errmsg", errmsg + " rid: " + HexFormat.of().toHexDigits((int) System.nanoTime()));
        return WireAnswer.json(answer);
    }
}
