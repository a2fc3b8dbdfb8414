package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.kuaishou.KuaishouSigner;
import cn.jiyun.integrations.sandbox.SandboxOrder.Line;
import cn.jiyun.integrations.sandbox.SandboxOrder.State;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Kuaishou's open API as the connector meets it (README 2.1–2.6): the seven public parameters signed
 * with the sign secret, the {@code result} envelope, cursor paging ending in {@code nomore}, rotating
 * refresh tokens, and whole-order delivery that takes the same tracking number twice as success.
 *
 * <p>Codes the README could not confirm are marked where they are answered; the connector only
 * needs them to be "not 1".
 */
final class KuaishouSandboxApi extends SandboxApi {

    static final String CURSOR_LIST = "open.order.cursor.list";
    static final String DELIVER = "open.seller.order.goods.deliver";
    static final String REFRESH_PATH = "/oauth2/refresh_token";
    static final String ACCESS_TOKEN_PATH = "/oauth2/access_token";
    static final String SELLER_GET = "open.user.seller.get";
    static final String EBILL_GET = "open.express.ebill.get";
    static final String EBILL_CANCEL = "open.express.ebill.cancel";
    static final List<String> METHODS = List.of(CURSOR_LIST, DELIVER, SELLER_GET, EBILL_GET, EBILL_CANCEL);

    /** End of the list; README 2.5 could not spell it from a source, the connector accepts it. */
    static final String NO_MORE = "nomore";
    static final int SUCCESS = 1;
    /** Not documented (README 2.4 "signature failure: unknown code"); 25 as TOP numbers it. */
    static final int SIGNATURE_INVALID = 25;
    /** The connector recognises an expired token by "TOKEN过期" in error_msg. */
    static final int TOKEN_EXPIRED = 28;
    /** Not documented; used for unknown tokens and bad public parameters. */
    static final int INVALID_REQUEST = 22;
    /** Delivery refused by the delivery rules (README 2.6, FAQ K1009). */
    static final int DELIVERY_RULE = 11;
    static final int RANGE_TOO_LONG = 300004;
    static final int RANGE_TOO_OLD = 300005;
    static final int ACCESS_DENIED = 100200102;
    static final int UNAUTHORIZED_CLIENT = 100200101;
    static final int UNSUPPORTED_GRANT = 100200104;
    static final int INVALID_GRANT = 100200105;

    private static final Duration LONGEST_RANGE = Duration.ofDays(7);
    private static final Duration OLDEST = Duration.ofDays(90);
    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(10);
    /** README 2.6 expressCode table, the codes still in service. */
    private static final Map<Integer, String> EXPRESS = Map.ofEntries(
            Map.entry(2, "EMS"), Map.entry(3, "申通快递"), Map.entry(4, "顺丰速运"), Map.entry(6, "圆通速递"),
            Map.entry(7, "韵达快运"), Map.entry(8, "邮政快递包裹"), Map.entry(9, "中通快递"), Map.entry(11, "韵达快递"),
            Map.entry(12, "中通快运"), Map.entry(14, "京东"), Map.entry(15, "优速"), Map.entry(17, "德邦"),
            Map.entry(53, "德邦快递"), Map.entry(97, "邮政标准快递"), Map.entry(109, "极兔速递"),
            Map.entry(113, "菜鸟速递"), Map.entry(119, "EMS包裹"));

    private final KuaishouSandboxEWaybills eWaybillCalls;

    KuaishouSandboxApi(Parts parts) {
        super(Platform.KUAISHOU, parts);
        eWaybillCalls = new KuaishouSandboxEWaybills(eWaybills);
    }

    /** Kuaishou addresses {@code open.order.cursor.list} as {@code /open/order/cursor/list} (README 2.1). */
    @Override
    Map<String, Function<WireRequest, WireAnswer>> paths() {
        Map<String, Function<WireRequest, WireAnswer>> paths = methodPaths(METHODS, this::answer);
        paths.put(REFRESH_PATH, this::refresh);
        paths.put(ACCESS_TOKEN_PATH, this::accessToken);
        return paths;
    }

    WireAnswer answer(WireRequest request, String method) {
        String appKey = request.parameter("appkey");
        if (appKey == null || !appKey.equals(credentials.kuaishouAppKey())) {
            return error(INVALID_REQUEST, "appkey无效");
        }
        if (!method.equals(request.parameter("method"))) {
            return error(INVALID_REQUEST, "method与请求路径不一致");
        }
        if (!"1".equals(request.parameter("version"))) {
            return error(INVALID_REQUEST, "version应为1");
        }
        String timestamp = request.parameter("timestamp");
        if (timestamp == null || !timestamp.matches("\\d{13}")) {
            return error(INVALID_REQUEST, "timestamp应为毫秒时间戳");
        }
        if (Math.abs(Long.parseLong(timestamp) - clock.millis()) > TIMESTAMP_TOLERANCE.toMillis()) {
            return error(INVALID_REQUEST, "timestamp已过期");
        }
        String signMethod = request.parameter("signMethod");
        if (signMethod != null && !signMethod.equals("MD5") && !signMethod.equals("HMAC_SHA256")) {
            return error(INVALID_REQUEST, "signMethod不支持");
        }
        String sign = request.parameter("sign");
        if (sign == null || !MessageDigest.isEqual(sign.getBytes(StandardCharsets.UTF_8),
                expectedSign(request).getBytes(StandardCharsets.UTF_8))) {
            return error(SIGNATURE_INVALID, "签名验证失败");
        }
        SandboxTokens.Lookup lookup = tokens.lookUp(Platform.KUAISHOU, request.parameter("access_token"));
        if (lookup instanceof SandboxTokens.Lookup.Expired) {
            return error(TOKEN_EXPIRED, "TOKEN过期");
        }
        if (!(lookup instanceof SandboxTokens.Lookup.Valid valid)) {
            return error(INVALID_REQUEST, "access_token无效，鉴权失败");
        }
        JsonNode param;
        try {
            param = WireAnswer.JSON.readTree(request.parameter("param") == null ? "{}" : request.parameter("param"));
        } catch (JsonProcessingException e) {
            return error(INVALID_REQUEST, "param不是合法的JSON");
        }
        return switch (method) {
            case CURSOR_LIST -> "GET".equals(request.method()) ? cursorList(valid.shopId(), param)
                    : error(INVALID_REQUEST, "请使用GET请求");
            case DELIVER -> "POST".equals(request.method()) ? deliver(valid.shopId(), param)
                    : error(INVALID_REQUEST, "请使用POST请求");
            case SELLER_GET -> seller(valid.shopId());
            case EBILL_GET -> "POST".equals(request.method()) ? eWaybillCalls.get(valid.shopId(), param, replies())
                    : error(INVALID_REQUEST, "请使用POST请求");
            case EBILL_CANCEL -> eWaybillCalls.cancel(valid.shopId(), param, replies());
            default -> error(INVALID_REQUEST, "API不存在");
        };
    }

    /** {@code GET /oauth2/access_token} with {@code grant_type=code} (README 2.3): the shop's first tokens. */
    WireAnswer accessToken(WireRequest request) {
        if (clientRefused(request)) {
            return oauthError(UNAUTHORIZED_CLIENT, "unauthorized_client", "app_id或app_secret错误");
        }
        if (!"code".equals(request.parameter("grant_type"))) {
            return oauthError(UNSUPPORTED_GRANT, "unsupported_grant_type", "grant_type应为code");
        }
        Optional<SandboxTokens.Grant> grant = tokens.exchangeCode(Platform.KUAISHOU, request.parameter("code"));
        if (grant.isEmpty()) {
            return oauthError(INVALID_GRANT, "invalid_grant", "code已过期或已使用");
        }
        return tokens(grant.get(), "merchant_order", "merchant_logistics", "merchant_user");
    }

    private boolean clientRefused(WireRequest request) {
        return !credentials.kuaishouAppKey().equals(request.parameter("app_id"))
                || !credentials.kuaishouAppSecret().equals(request.parameter("app_secret"));
    }

    /** The token answer of {@code oauth2/access_token} and {@code oauth2/refresh_token}. */
    private WireAnswer tokens(SandboxTokens.Grant grant, String... scopes) {
        ObjectNode body = WireAnswer.JSON.createObjectNode();
        body.put("result", SUCCESS);
        body.put("access_token", grant.accessToken());
        body.put("expires_in", grant.accessLifetime().toSeconds());
        body.put("refresh_token", grant.refreshToken());
        body.put("refresh_token_expires_in", grant.refreshLifetime().toSeconds());
        body.put("open_id", sellerOpenId(grant.shopId()));
        var granted = body.putArray("scopes");
        for (String scope : scopes) {
            granted.add(scope);
        }
        return WireAnswer.json(body);
    }

    /** {@code open.user.seller.get}: the seller the token stands for, whose id Jiyun keys the shop on. */
    private WireAnswer seller(String shopId) {
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        data.put("sellerId", Long.parseLong(shopId));
        data.put("name", "宁夏集运快手小店" + shopId.substring(Math.max(0, shopId.length() - 4)));
        return success(data);
    }

    /** {@code POST /oauth2/refresh_token} (README 2.3): a new access token and a new refresh token. */
    WireAnswer refresh(WireRequest request) {
        if (!"POST".equals(request.method())) {
            return oauthError(100200100, "invalid_request", "请使用POST请求");
        }
        if (clientRefused(request)) {
            return oauthError(UNAUTHORIZED_CLIENT, "unauthorized_client", "app_id或app_secret错误");
        }
        if (!"refresh_token".equals(request.parameter("grant_type"))) {
            return oauthError(UNSUPPORTED_GRANT, "unsupported_grant_type", "grant_type应为refresh_token");
        }
        Optional<SandboxTokens.Grant> grant = tokens.refresh(Platform.KUAISHOU, request.parameter("refresh_token"));
        if (grant.isEmpty()) {
            return oauthError(ACCESS_DENIED, "access_denied", "refreshToken.discarded");
        }
        return tokens(grant.get(), "merchant_order", "merchant_logistics");
    }

    /** README 2.2, with the connector's signer, which signs only the public parameters of the request. */
    String expectedSign(WireRequest request) {
        Map<String, String> parameters = new HashMap<>(request.query());
        parameters.putAll(request.form());
        return new KuaishouSigner(credentials.kuaishouSignSecret()).sign(parameters);
    }

    private WireAnswer cursorList(String shopId, JsonNode param) {
        int pageSize = param.path("pageSize").asInt(20);
        if (pageSize < 1 || pageSize > 100) {
            return error(INVALID_REQUEST, "pageSize须为1-100");
        }
        long begin = param.path("beginTime").asLong(0);
        long end = param.path("endTime").asLong(0);
        if (begin <= 0 || end <= 0 || end < begin) {
            return error(300003, "结束时间不能早于开始时间");
        }
        if (end - begin > LONGEST_RANGE.toMillis()) {
            return error(RANGE_TOO_LONG, "时间范围超过7天");
        }
        if (begin < clock.instant().minus(OLDEST).toEpochMilli()) {
            return error(RANGE_TOO_OLD, "只能查询最近90天的订单");
        }
        boolean byCreate = param.path("queryType").asInt(1) == 1;
        // sort direction is not documented (README 2.5); here 1 is newest first and 2 oldest first
        boolean newestFirst = param.path("sort").asInt(1) != 2;
        Comparator<SandboxOrder> order = Comparator.comparing((SandboxOrder o) -> millis(byCreate ? o.createdAt() : o.updatedAt()))
                .thenComparing(SandboxOrder::orderId);
        if (newestFirst) {
            order = order.reversed();
        }
        List<SandboxOrder> matching = book.orders(Platform.KUAISHOU, shopId).stream()
                .filter(o -> {
                    long at = millis(byCreate ? o.createdAt() : o.updatedAt());
                    return at >= begin && at <= end;
                })
                .sorted(order)
                .toList();
        String cursor = param.path("cursor").asText("");
        int from = 0;
        if (!cursor.isEmpty()) {
            // the cursor names the last order handed out; the next page starts right after its place,
            // so orders placed or updated meanwhile neither repeat nor shift the page
            Optional<String[]> after = decodeCursor(cursor);
            if (after.isEmpty()) {
                return error(INVALID_REQUEST, "cursor无效");
            }
            long afterMillis = Long.parseLong(after.get()[0]);
            String afterId = after.get()[1];
            from = matching.size();
            for (int i = 0; i < matching.size(); i++) {
                SandboxOrder o = matching.get(i);
                int byKey = Comparator.<Long>naturalOrder().compare(millis(byCreate ? o.createdAt() : o.updatedAt()), afterMillis);
                int position = byKey != 0 ? byKey : o.orderId().compareTo(afterId);
                if (newestFirst ? position < 0 : position > 0) {
                    from = i;
                    break;
                }
            }
        }
        List<SandboxOrder> page = matching.subList(Math.min(from, matching.size()), Math.min(from + pageSize, matching.size()));
        boolean more = from + pageSize < matching.size();
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        data.put("cursor", more ? cursorOf(page.get(page.size() - 1), byCreate) : NO_MORE);
        data.put("pageSize", pageSize);
        data.put("beginTime", begin);
        data.put("endTime", end);
        ArrayNode list = data.putArray("orderList");
        page.forEach(o -> list.add(order(o)));
        return success(data);
    }

    private WireAnswer deliver(String shopId, JsonNode param) {
        String orderId = param.path("orderId").asText("");
        String expressNo = param.path("expressNo").asText("");
        JsonNode expressCode = param.path("expressCode");
        if (orderId.isEmpty() || expressNo.isEmpty() || !expressCode.canConvertToInt()) {
            return error(INVALID_REQUEST, "orderId、expressNo、expressCode均为必填");
        }
        if (!EXPRESS.containsKey(expressCode.asInt())) {
            return error(DELIVERY_RULE, "快递公司编码不存在: " + expressCode.asInt());
        }
        Optional<String> mismatch = eWaybillCalls.deliveryMismatch(shopId, orderId, expressNo);
        if (mismatch.isPresent()) {
            return error(DELIVERY_RULE, mismatch.get());
        }
        Instant now = clock.instant();
        String carrier = String.valueOf(expressCode.asInt());
        OrderBook.ShipOutcome outcome = book.ship(Platform.KUAISHOU, shopId, orderId, carrier, expressNo, now);
        return switch (outcome) {
            case SHIPPED -> {
                writeBacks.accept(new SandboxWriteBack(Platform.KUAISHOU, shopId, orderId, carrier, expressNo, now, false));
                yield success(null);
            }
            // since 2024-11-25 the same tracking number sent again is success (README 2.6)
            case ALREADY_SHIPPED_SAME -> {
                writeBacks.accept(new SandboxWriteBack(Platform.KUAISHOU, shopId, orderId, carrier, expressNo, now, true));
                yield success(null);
            }
            case ALREADY_SHIPPED_OTHER -> error(DELIVERY_RULE, "订单已发货，请使用修改物流接口");
            case CANCELLED -> error(DELIVERY_RULE, "订单已关闭，不能发货");
            case NOT_FOUND -> error(INVALID_REQUEST, "订单不存在");
        };
    }

    /** One {@code orderList[]} element (README 2.5): one order is one product line. */
    ObjectNode order(SandboxOrder order) {
        Line line = order.lines().get(0);
        ObjectNode node = WireAnswer.JSON.createObjectNode();
        ObjectNode base = node.putObject("orderBaseInfo");
        base.put("oid", Long.parseLong(order.orderId()));
        base.put("status", switch (order.state()) {
            case PAID -> 30;
            case SHIPPED -> 40;
            case CANCELLED -> 80;
        });
        base.put("createTime", millis(order.createdAt()));
        base.put("payTime", millis(order.paidAt()));
        base.put("updateTime", millis(order.updatedAt()));
        base.put("sendTime", order.shipped().map(s -> millis(s.shippedAt())).orElse(0L));
        base.put("recvTime", 0);
        base.put("refundTime", order.state() == State.CANCELLED ? millis(order.updatedAt()) : 0);
        base.put("totalFee", order.paidFen());
        base.put("expressFee", order.postageFen());
        base.put("discountFee", order.discountFen());
        base.put("allowanceExpressFee", 0);
        base.put("payChannelDiscount", 0);
        base.put("governmentDiscount", 0);
        base.put("buyerOpenId", order.buyer().openId());
        base.put("buyerNick", order.buyer().nick());
        base.put("sellerOpenId", sellerOpenId(order.shopId()));
        base.put("sellerNick", "宁夏集运助农小店");
        base.put("remark", "");
        base.put("payType", 1);
        base.put("cpsType", 1);
        base.put("preSale", 0);
        base.put("riskCode", 0);
        base.putArray("disableDeliveryReasonCode");
        base.put("enableSplitDeliveryOrder", false);
        base.put("promiseTimeStampOfDelivery", millis(order.shipBy()));
        base.put("validPromiseShipmentTimeStamp", millis(order.shipBy()));
        base.put("remindShipmentSign", 0);
        base.put("priorityDelivery", false);
        base.putArray("orderLabels");
        ObjectNode item = node.putObject("orderItemInfo");
        long itemId = 23_000_000_000L + Math.floorMod((long) line.skuId().hashCode(), 1_000_000_000L);
        item.put("orderItemId", Long.parseLong(line.lineId()));
        item.put("itemId", itemId);
        item.put("relItemId", itemId);
        putId(item, "skuId", line.skuId());
        putId(item, "relSkuId", line.skuId());
        item.put("skuNick", "");
        item.put("skuDesc", "默认");
        item.put("goodsCode", "");
        item.put("itemTitle", line.title());
        item.put("itemPicUrl", "https://ali2.a.kwimgs.com/sandbox/" + itemId + ".jpg");
        item.put("num", line.quantity());
        item.put("price", line.unitFen());
        item.put("originalPrice", line.unitFen());
        item.put("discountFee", line.discountFen());
        item.put("itemType", 1);
        item.put("warehouseCode", "");
        ObjectNode address = node.putObject("orderAddress");
        SandboxOrder.Destination to = order.destination();
        address.put("province", to.province());
        address.put("provinceCode", to.provinceCode());
        address.put("city", to.city());
        address.put("cityCode", to.cityCode());
        address.put("district", to.district());
        address.put("districtCode", to.districtCode());
        address.put("town", "");
        address.put("townCode", 0);
        address.put("encryptedConsignee", "#ks#sandbox" + HexFormat.of().toHexDigits((order.orderId() + "c").hashCode()));
        address.put("encryptedMobile", "#ks#sandbox" + HexFormat.of().toHexDigits((order.orderId() + "m").hashCode()));
        address.put("encryptedAddress", "#ks#sandbox" + HexFormat.of().toHexDigits((order.orderId() + "a").hashCode()));
        address.put("desensitiseConsignee", order.buyer().maskedName());
        address.put("desensitiseMobile", order.buyer().maskedPhone());
        address.put("desensitiseAddress", order.buyer().maskedStreet());
        ArrayNode logistics = node.putArray("orderLogisticsInfo");
        order.shipped().ifPresent(shipment -> logistics.addObject()
                .put("logisticsId", Long.parseLong(order.orderId()) + 7)
                .put("expressNo", shipment.waybillNumber())
                .put("expressCode", Integer.parseInt(shipment.carrierCode())));
        ObjectNode delivery = node.putObject("orderDeliveryInfo");
        delivery.put("deliveryStatus", order.shipped().isPresent() ? 1 : 0);
        delivery.put("deliveryNum", order.shipped().isPresent() ? line.quantity() : 0);
        delivery.put("packageNum", order.shipped().isPresent() ? 1 : 0);
        node.putArray("orderRefundList");
        node.putArray("subOrderInfo");
        return node;
    }

    static String sellerOpenId(String shopId) {
        return "sandbox" + HexFormat.of().toHexDigits((long) shopId.hashCode()) + "SellerOpenId";
    }

    private static String cursorOf(SandboxOrder order, boolean byCreate) {
        String key = millis(byCreate ? order.createdAt() : order.updatedAt()) + "_" + order.orderId();
        return Base64.getEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String[]> decodeCursor(String cursor) {
        try {
            String key = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            return key.matches("\\d+_\\d+") ? Optional.of(key.split("_")) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Replies replies() {
        return new Replies() {
            @Override
            public WireAnswer ok(JsonNode data) {
                return success(data);
            }

            @Override
            public WireAnswer refused(int code, String subCode, String message) {
                return error(code, message);
            }
        };
    }

    private WireAnswer success(JsonNode data) {
        ObjectNode body = envelope(SUCCESS, "");
        if (data != null) {
            body.set("data", data);
        }
        return WireAnswer.json(body);
    }

    private WireAnswer error(int result, String message) {
        return WireAnswer.json(envelope(result, message));
    }

    private ObjectNode envelope(int result, String errorMsg) {
        ObjectNode body = WireAnswer.JSON.createObjectNode();
        body.put("result", result);
        body.put("error_msg", errorMsg);
        body.put("code", result == SUCCESS ? "" : String.valueOf(result));
        body.put("msg", errorMsg);
        body.put("sub_code", "");
        body.put("sub_msg", "");
        body.put("requestId", UUID.randomUUID().toString().replace("-", ""));
        return body;
    }

    private static WireAnswer oauthError(int result, String error, String message) {
        ObjectNode body = WireAnswer.JSON.createObjectNode();
        body.put("result", result);
        body.put("error", error);
        body.put("error_msg", message);
        return WireAnswer.json(body);
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
