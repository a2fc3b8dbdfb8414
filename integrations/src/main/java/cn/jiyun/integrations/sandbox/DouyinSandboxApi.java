package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.douyin.DouyinSignMethod;
import cn.jiyun.integrations.douyin.DouyinSigner;
import cn.jiyun.integrations.sandbox.SandboxOrder.Line;
import cn.jiyun.integrations.sandbox.SandboxOrder.State;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Douyin's open platform as the connector meets it (README 1.1–1.7): public parameters in the
 * query, {@code param_json} as the body, the signature checked with the app secret, the
 * {@code code}/{@code sub_code} envelope, and orders in {@code shop_order_list} form.
 */
final class DouyinSandboxApi extends SandboxApi {

    static final String SEARCH_LIST = "order.searchList";
    static final String ORDER_DETAIL = "order.orderDetail";
    static final String LOGISTICS_ADD = "order.logisticsAdd";
    static final String TOKEN_REFRESH = "token.refresh";
    static final String TOKEN_CREATE = "token.create";
    static final String EWAYBILL_CREATE = "logistics.newCreateOrder";
    static final String EWAYBILL_CANCEL = "logistics.cancelOrder";
    static final List<String> METHODS = List.of(SEARCH_LIST, ORDER_DETAIL, LOGISTICS_ADD, TOKEN_REFRESH, TOKEN_CREATE,
            EWAYBILL_CREATE, EWAYBILL_CANCEL);

    private static final long TIMESTAMP_TOLERANCE_SECONDS = 300;
    private static final int LARGEST_PAGE = 100;
    /** {@code company_code}s of {@code order.logisticsCompanyList} the sandbox knows, with their names (README 1.7). */
    private static final Map<String, String> COMPANIES = Map.ofEntries(
            Map.entry("zhongtong", "中通快递"), Map.entry("yuantong", "圆通速递"), Map.entry("shentong", "申通快递"),
            Map.entry("yunda", "韵达快递"), Map.entry("shunfeng", "顺丰速运"), Map.entry("jd", "京东物流"),
            Map.entry("jtexpress", "极兔速递"), Map.entry("ems", "EMS"), Map.entry("youzhengguonei", "邮政快递包裹"),
            Map.entry("debangkuaidi", "德邦快递"), Map.entry("debangwuliu", "德邦物流"),
            Map.entry("huitongkuaidi", "百世快递"));
    private static final DateTimeFormatter LOG_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final DouyinSandboxEWaybills eWaybillCalls;

    DouyinSandboxApi(Parts parts) {
        super(Platform.DOUYIN, parts);
        eWaybillCalls = new DouyinSandboxEWaybills(eWaybills);
    }

    /** Douyin addresses {@code order.searchList} as {@code /order/searchList} (README 1.1). */
    @Override
    Map<String, Function<WireRequest, WireAnswer>> paths() {
        return methodPaths(METHODS, this::answer);
    }

    /** Answers a call to the path of {@code method}, checking it as Douyin's gateway does first. */
    WireAnswer answer(WireRequest request, String method) {
        boolean legacyFields = !"1".equals(request.header("x-open-no-old-err-code"));
        Map<String, String> query = request.query();
        if (!"POST".equals(request.method())) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "请使用POST请求");
        }
        String appKey = query.get("app_key");
        if (appKey == null || appKey.isEmpty()) {
            return error(legacyFields, 40001, "isv.app-id-missing", "缺少app_key");
        }
        if (!appKey.equals(credentials.douyinAppKey())) {
            return error(legacyFields, 40003, "isv.app-id-invalid", "app_key不存在或格式错误，应为19位纯数字");
        }
        if (!method.equals(query.get("method"))) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "method与请求路径不一致");
        }
        if (!"2".equals(query.get("v"))) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "v应为2");
        }
        String timestamp = query.get("timestamp");
        if (timestamp == null || timestamp.isEmpty()) {
            return error(legacyFields, 40001, "isv.parameter-missing", "缺少timestamp");
        }
        if (!timestamp.chars().allMatch(Character::isDigit) || timestamp.length() > 13) {
            return error(legacyFields, 40003, "isv.timestamp-format-error", "timestamp格式错误");
        }
        // seconds; a 13-digit value is read as milliseconds, which README 1.1 says is tolerated
        long seconds = timestamp.length() == 13 ? Long.parseLong(timestamp) / 1000 : Long.parseLong(timestamp);
        if (Math.abs(seconds - clock.instant().getEpochSecond()) > TIMESTAMP_TOLERANCE_SECONDS) {
            return error(legacyFields, 40003, "isv.timestamp-invalid", "timestamp与服务器时间相差超过300秒");
        }
        String sign = query.get("sign");
        if (sign == null || sign.isEmpty()) {
            return error(legacyFields, 40001, "isv.signature-missing", "缺少sign");
        }
        String signMethod = query.getOrDefault("sign_method", "md5");
        if (!signMethod.equals("md5") && !signMethod.equals("hmac-sha256")) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "sign_method不支持");
        }
        // the body is the param_json, signed exactly as sent
        String paramJson = request.body().isEmpty() ? "{}" : request.body();
        if (!MessageDigest.isEqual(expectedSign(signMethod, method, timestamp, paramJson).getBytes(StandardCharsets.US_ASCII),
                sign.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return error(legacyFields, 40003, "isv.signature-invalid", "签名无效");
        }
        JsonNode params;
        try {
            params = WireAnswer.JSON.readTree(paramJson);
        } catch (JsonProcessingException e) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "param_json不是合法的JSON");
        }
        if (params == null || !params.isObject()) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "param_json应为JSON对象");
        }
        if (method.equals(TOKEN_REFRESH)) {
            return refresh(legacyFields, params);
        }
        if (method.equals(TOKEN_CREATE)) {
            return create(legacyFields, params);
        }
        String accessToken = query.get("access_token");
        if (accessToken == null || accessToken.isEmpty()) {
            return error(legacyFields, 40001, "isv.access-token-missing", "缺少access_token");
        }
        SandboxTokens.Lookup lookup = tokens.lookUp(Platform.DOUYIN, accessToken);
        if (lookup instanceof SandboxTokens.Lookup.Expired) {
            return error(legacyFields, 40003, "isv.access-token-expired", "access_token已过期");
        }
        if (!(lookup instanceof SandboxTokens.Lookup.Valid valid)) {
            return error(legacyFields, 40003, "isv.access-token-no-existed", "access_token不存在");
        }
        return switch (method) {
            case SEARCH_LIST -> searchList(legacyFields, valid.shopId(), params);
            case ORDER_DETAIL -> orderDetail(legacyFields, valid.shopId(), params);
            case LOGISTICS_ADD -> logisticsAdd(legacyFields, valid.shopId(), params);
            case EWAYBILL_CREATE -> eWaybillCalls.create(valid.shopId(), params, replies(legacyFields));
            case EWAYBILL_CANCEL -> eWaybillCalls.cancel(valid.shopId(), params, replies(legacyFields));
            default -> error(legacyFields, 70000, "isp.api-service-off", "API不存在或已下线");
        };
    }

    /** README 1.2, with the connector's signer: the sandbox checks what the connector sends, the signer's tests check it against the document. */
    String expectedSign(String signMethod, String method, String timestamp, String paramJson) {
        DouyinSignMethod how = signMethod.equals("hmac-sha256") ? DouyinSignMethod.HMAC_SHA256 : DouyinSignMethod.MD5;
        return new DouyinSigner(credentials.douyinAppKey(), credentials.douyinAppSecret(), how)
                .sign(method, timestamp, paramJson);
    }

    private WireAnswer searchList(boolean legacyFields, String shopId, JsonNode params) {
        long page = params.path("page").asLong(0);
        long size = params.path("size").asLong(10);
        if (page < 0 || size < 1 || size > LARGEST_PAGE) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "page须从0开始，size须为1-100");
        }
        boolean byUpdate = "update_time".equals(params.path("order_by").asText("create_time"));
        boolean ascending = params.path("order_asc").asBoolean(false);
        Comparator<SandboxOrder> order = Comparator.comparing((SandboxOrder o) -> seconds(byUpdate ? o.updatedAt() : o.createdAt()))
                .thenComparing(SandboxOrder::orderId);
        List<SandboxOrder> matching = book.orders(Platform.DOUYIN, shopId).stream()
                .filter(o -> within(o.updatedAt(), params.get("update_time_start"), params.get("update_time_end")))
                .filter(o -> within(o.createdAt(), params.get("create_time_start"), params.get("create_time_end")))
                .sorted(ascending ? order : order.reversed())
                .toList();
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        data.put("page", page);
        data.put("size", size);
        data.put("total", matching.size());
        ArrayNode list = data.putArray("shop_order_list");
        matching.stream().skip(page * size).limit(size).forEach(o -> list.add(shopOrder(o)));
        return success(legacyFields, data);
    }

    private WireAnswer orderDetail(boolean legacyFields, String shopId, JsonNode params) {
        String orderId = params.path("shop_order_id").asText("");
        if (orderId.isEmpty()) {
            return error(legacyFields, 40001, "isv.parameter-missing", "缺少shop_order_id");
        }
        Optional<SandboxOrder> order = book.find(Platform.DOUYIN, shopId, orderId);
        if (order.isEmpty()) {
            return error(legacyFields, 50002, "isv.business-failed:order-not-exist", "订单不存在");
        }
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        data.set("shop_order_detail", shopOrder(order.get()));
        return success(legacyFields, data);
    }

    private WireAnswer logisticsAdd(boolean legacyFields, String shopId, JsonNode params) {
        String orderId = params.path("order_id").asText("");
        String company = params.path("company_code").asText("");
        String waybill = params.path("logistics_code").asText("");
        if (orderId.isEmpty() || company.isEmpty() || waybill.isEmpty()) {
            return error(legacyFields, 40001, "isv.parameter-missing", "order_id、company_code、logistics_code均为必填");
        }
        if (!COMPANIES.containsKey(company)) {
            return error(legacyFields, 50002, "isv.business-failed:company-invalid", "物流公司编码不存在: " + company);
        }
        Instant now = clock.instant();
        OrderBook.ShipOutcome outcome = book.ship(Platform.DOUYIN, shopId, orderId, company, waybill, now);
        return switch (outcome) {
            case SHIPPED -> {
                writeBacks.accept(new SandboxWriteBack(Platform.DOUYIN, shopId, orderId, company, waybill, now, false));
                yield success(legacyFields, WireAnswer.JSON.createObjectNode());
            }
            // logisticsAdd has no idempotency key: Douyin refuses a second call, the caller checks the order
            case ALREADY_SHIPPED_SAME, ALREADY_SHIPPED_OTHER ->
                    error(legacyFields, 50002, "isv.business-failed:order-status-invalid", "订单已发货，不能重复发货");
            case CANCELLED -> error(legacyFields, 50002, "isv.business-failed:order-status-invalid", "订单已取消，不能发货");
            case NOT_FOUND -> error(legacyFields, 50002, "isv.business-failed:order-not-exist", "订单不存在");
        };
    }

    /** {@code token.create} with the code the authorise page handed out (README 1.3): the shop's first tokens. */
    private WireAnswer create(boolean legacyFields, JsonNode params) {
        if (!"authorization_code".equals(params.path("grant_type").asText())) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "grant_type应为authorization_code");
        }
        String code = params.path("code").asText("");
        if (code.isEmpty()) {
            return error(legacyFields, 40001, "isv.parameter-missing", "缺少code");
        }
        Optional<SandboxTokens.Grant> grant = tokens.exchangeCode(Platform.DOUYIN, code);
        if (grant.isEmpty()) {
            return error(legacyFields, 50001, "dop.token-generate-failed:code-expired", "code已过期或已使用");
        }
        return tokenData(legacyFields, grant.get());
    }

    private WireAnswer tokenData(boolean legacyFields, SandboxTokens.Grant grant) {
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        data.put("access_token", grant.accessToken());
        data.put("expires_in", grant.accessLifetime().toSeconds());
        data.put("refresh_token", grant.refreshToken());
        data.put("scope", "SCOPE");
        putId(data, "shop_id", grant.shopId());
        data.put("shop_name", shopName(grant.shopId()));
        data.put("authority_id", "");
        data.put("auth_subject_type", "MiniShop");
        return success(legacyFields, data);
    }

    private WireAnswer refresh(boolean legacyFields, JsonNode params) {
        if (!"refresh_token".equals(params.path("grant_type").asText())) {
            return error(legacyFields, 40003, "isv.parameter-format-invalid", "grant_type应为refresh_token");
        }
        String refreshToken = params.path("refresh_token").asText("");
        if (refreshToken.isEmpty()) {
            return error(legacyFields, 40001, "isv.parameter-missing", "缺少refresh_token");
        }
        Optional<SandboxTokens.Grant> grant = tokens.refresh(Platform.DOUYIN, refreshToken);
        if (grant.isEmpty()) {
            return error(legacyFields, 50001, "dop.token-generate-failed:token-expired", "refresh_token已过期或不存在");
        }
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        data.put("access_token", grant.get().accessToken());
        data.put("expires_in", grant.get().accessLifetime().toSeconds());
        data.put("refresh_token", grant.get().refreshToken());
        data.put("scope", "SCOPE");
        putId(data, "shop_id", grant.get().shopId());
        data.put("shop_name", shopName(grant.get().shopId()));
        data.put("authority_id", "");
        data.put("auth_subject_type", "MiniShop");
        return success(legacyFields, data);
    }

    /** One order as {@code shop_order_list[]} and {@code shop_order_detail} carry it (README 1.5). */
    ObjectNode shopOrder(SandboxOrder order) {
        ObjectNode node = WireAnswer.JSON.createObjectNode();
        int status = status(order.state());
        node.put("order_id", order.orderId());
        putId(node, "shop_id", order.shopId());
        node.put("shop_name", shopName(order.shopId()));
        node.put("doudian_open_id", "1@#" + order.buyer().openId());
        node.put("order_status", status);
        node.put("order_status_desc", statusDescription(status));
        node.put("order_type", 0);
        node.put("order_type_desc", "普通订单");
        node.put("b_type", 2);
        node.put("b_type_desc", "抖音");
        node.put("biz", 2);
        node.put("create_time", seconds(order.createdAt()));
        node.put("update_time", seconds(order.updatedAt()));
        node.put("pay_time", seconds(order.paidAt()));
        node.put("finish_time", 0);
        node.put("exp_ship_time", seconds(order.shipBy()));
        node.put("ship_time", order.shipped().map(s -> seconds(s.shippedAt())).orElse(0L));
        node.put("cancel_reason", order.cancelReason());
        node.put("buyer_words", "");
        node.put("seller_words", "");
        node.put("seller_remark_stars", 0);
        node.put("pay_type", 1);
        node.put("order_amount", order.goodsFen() + order.postageFen());
        node.put("pay_amount", order.paidFen());
        node.put("post_amount", order.postageFen());
        node.put("promotion_amount", order.discountFen());
        node.put("promotion_shop_amount", order.discountFen());
        node.put("promotion_platform_amount", 0);
        node.put("tax_amount", 0);
        node.put("encrypt_post_receiver", "#" + cipherText(order, "receiver") + "#1##");
        node.put("mask_post_receiver", order.buyer().maskedName());
        node.put("encrypt_post_tel", "$" + cipherText(order, "tel") + "$1##");
        node.put("mask_post_tel", order.buyer().maskedPhone());
        ObjectNode address = node.putObject("post_addr");
        SandboxOrder.Destination to = order.destination();
        region(address, "province", to.province(), String.valueOf(to.provinceCode() / 10_000));
        region(address, "city", to.city(), String.valueOf(to.cityCode() / 100));
        region(address, "town", to.district(), String.valueOf(to.districtCode()));
        region(address, "street", "", "");
        address.put("detail", "");
        address.put("encrypt_detail", "~" + cipherText(order, "detail") + "~1##");
        ArrayNode logistics = node.putArray("logistics_info");
        order.shipped().ifPresent(shipment -> {
            ObjectNode pack = logistics.addObject();
            pack.put("tracking_no", shipment.waybillNumber());
            pack.put("company", shipment.carrierCode());
            pack.put("company_name", COMPANIES.getOrDefault(shipment.carrierCode(), shipment.carrierCode()));
            pack.put("ship_time", seconds(shipment.shippedAt()));
            pack.put("delivery_id", "");
            ArrayNode products = pack.putArray("product_info");
            for (Line line : order.lines()) {
                ObjectNode product = products.addObject();
                product.put("sku_order_id", line.lineId());
                product.put("product_name", line.title());
                product.put("product_count", line.quantity());
            }
        });
        ArrayNode skuOrders = node.putArray("sku_order_list");
        for (Line line : order.lines()) {
            skuOrders.add(skuOrder(order, line, status));
        }
        return node;
    }

    private ObjectNode skuOrder(SandboxOrder order, Line line, int status) {
        ObjectNode sku = WireAnswer.JSON.createObjectNode();
        long productId = productId(line.skuId());
        sku.put("order_id", line.lineId());
        sku.put("parent_order_id", order.orderId());
        sku.put("order_status", status);
        sku.put("order_status_desc", statusDescription(status));
        sku.put("product_id", productId);
        sku.put("product_id_str", Long.toString(productId));
        putId(sku, "sku_id", line.skuId());
        sku.put("out_sku_id", "");
        sku.put("out_product_id", "");
        sku.put("code", "");
        sku.put("product_name", line.title());
        sku.put("product_pic", "https://p3-aio.ecombdimg.com/obj/sandbox/" + productId + ".jpg");
        ArrayNode spec = sku.putArray("spec");
        spec.addObject().put("name", "规格").put("value", "默认");
        sku.put("item_num", line.quantity());
        sku.put("origin_amount", line.unitFen());
        sku.put("sum_amount", line.amountFen());
        sku.put("pay_amount", line.paidFen());
        sku.put("post_amount", 0);
        sku.put("goods_type", 0);
        sku.put("exp_ship_time", seconds(order.shipBy()));
        sku.put("ship_time", order.shipped().map(s -> seconds(s.shippedAt())).orElse(0L));
        sku.put("theme_type", "1");
        sku.put("theme_type_desc", "直播间");
        sku.put("room_id_str", Long.toString(7_300_000_000_000_000_000L + Math.floorMod(order.shopId().hashCode(), 1_000_000)));
        sku.put("author_id", 1_000_000_000L + Math.floorMod(order.shopId().hashCode(), 1_000_000));
        sku.put("author_name", "集运助农直播间");
        return sku;
    }

    private static int status(State state) {
        return switch (state) {
            case PAID -> 2;
            case SHIPPED -> 3;
            case CANCELLED -> 4;
        };
    }

    private static String statusDescription(int status) {
        return switch (status) {
            case 2 -> "备货中";
            case 3 -> "已发货";
            case 4 -> "已取消";
            default -> "";
        };
    }

    private Replies replies(boolean legacyFields) {
        return new Replies() {
            @Override
            public WireAnswer ok(JsonNode data) {
                return success(legacyFields, data);
            }

            @Override
            public WireAnswer refused(int code, String subCode, String message) {
                return error(legacyFields, code, subCode, message);
            }
        };
    }

    private WireAnswer success(boolean legacyFields, JsonNode data) {
        ObjectNode body = envelope(legacyFields, 10000, "success", "", "");
        body.set("data", data);
        return WireAnswer.json(body);
    }

    private WireAnswer error(boolean legacyFields, int code, String subCode, String subMsg) {
        ObjectNode body = envelope(legacyFields, code, message(code), subCode, subMsg);
        body.putNull("data");
        return WireAnswer.json(body);
    }

    private ObjectNode envelope(boolean legacyFields, int code, String msg, String subCode, String subMsg) {
        ObjectNode body = WireAnswer.JSON.createObjectNode();
        body.put("code", code);
        body.put("msg", msg);
        body.put("sub_code", subCode);
        body.put("sub_msg", subMsg);
        body.put("log_id", LOG_ID_TIME.format(clock.instant())
                + HexFormat.of().withUpperCase().toHexDigits(ThreadLocalRandom.current().nextLong()));
        if (legacyFields) {
            // README 1.4: answers carry the legacy err_no/message unless x-open-no-old-err-code: 1 is sent
            body.put("err_no", code == 10000 ? 0 : code);
            body.put("message", code == 10000 ? "success" : subMsg);
        }
        return body;
    }

    private static String message(int code) {
        return switch (code) {
            case 40001 -> "缺少必选参数";
            case 40003 -> "非法的参数";
            case 50001, 50002 -> "业务处理失败";
            case 70000 -> "API已下线";
            default -> "系统错误";
        };
    }

    private static boolean within(Instant time, JsonNode start, JsonNode end) {
        long at = seconds(time);
        return (start == null || start.isNull() || at >= start.asLong()) && (end == null || end.isNull() || at <= end.asLong());
    }

    private static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }

    private static void region(ObjectNode address, String field, String name, String id) {
        address.putObject(field).put("name", name).put("id", id);
    }

    static String shopName(String shopId) {
        return "宁夏集运助农店" + shopId.substring(Math.max(0, shopId.length() - 4));
    }

    static long productId(String skuId) {
        return 3_512_000_000_000_000_000L + Math.floorMod((long) skuId.hashCode(), 1_000_000_000L);
    }

    /** Opaque, obviously fake ciphertext for the encrypt_* fields, stable per order. */
    private static String cipherText(SandboxOrder order, String field) {
        return "SANDBOX" + HexFormat.of().toHexDigits((order.orderId() + field).hashCode());
    }
}
