package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.wechat.WechatCarrierCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WeChat Channels' {@code ewaybill/biz/order/create}, {@code /get} and {@code /cancel} over the sandbox's ledger
 * (docs/platforms/e-waybills.md, WeChat): the request key is the {@code ewaybill_order_id}; creating under one
 * already used answers 10025019 "电子面单已存在", as WeChat does, and {@code order/get} reads what was taken.
 */
final class WechatSandboxEWaybills {

    static final String CREATE = "/channels/ec/logistics/ewaybill/biz/order/create";
    static final String GET = "/channels/ec/logistics/ewaybill/biz/order/get";
    static final String CANCEL = "/channels/ec/logistics/ewaybill/biz/order/cancel";
    static final List<String> APIS = List.of(CREATE, GET, CANCEL);

    static final int ALREADY_EXISTS = 10025019;
    static final int NOT_FOUND = 10025010;
    static final int TAKE_FAILED = 10025005;
    static final int SITE_INVALID = 10025013;
    /** Not documented: the sandbox's answer for a cancelled e-waybill's id, or a second cancel. */
    static final int CANCELLED = 10025020;

    private static final WechatCarrierCodes CODES = new WechatCarrierCodes(Map.of());

    private final EWaybillLedger ledger;

    WechatSandboxEWaybills(EWaybillLedger ledger) {
        this.ledger = ledger;
    }

    WireAnswer answer(String api, String shopId, JsonNode body, SandboxApi.Replies replies) {
        String id = body.path("ewaybill_order_id").asText("");
        if (!id.matches("\\d{1,20}")) {
            return replies.refused(47001, "", "data format error: ewaybill_order_id must be a Uint64 string");
        }
        return switch (api) {
            case CREATE -> create(shopId, id, body, replies);
            case GET -> get(shopId, id, replies);
            default -> cancel(shopId, id, body, replies);
        };
    }

    private WireAnswer create(String shopId, String id, JsonNode body, SandboxApi.Replies replies) {
        JsonNode orders = body.path("ec_order_list");
        if (!orders.isArray() || orders.size() != 1) {
            return replies.refused(47001, "", "data format error: sandbox takes one ec_order_list entry");
        }
        Carrier carrier = EWaybillLedger.carrier(CODES::deliveryId, body.path("delivery_id").asText(""));
        EWaybillLedger.Outcome outcome = ledger.take(new EWaybillLedger.Take(Platform.WECHAT, shopId,
                orders.get(0).path("ec_order_id").asText(""), id, carrier, body.path("site_code").asText(""),
                body.path("ewaybill_acct_id").asText(""), null));
        if (outcome.again()) {
            return replies.refused(ALREADY_EXISTS, "", "电子面单已存在");
        }
        if (outcome.refusal() != null) {
            return switch (outcome.refusal()) {
                case ACCOUNT_UNKNOWN -> replies.refused(SITE_INVALID, "", "网点信息错误: " + outcome.refusal().reason);
                case KEY_CANCELLED -> replies.refused(CANCELLED, "", outcome.refusal().reason);
                default -> replies.refused(TAKE_FAILED, "", "电子面单取号失败: " + outcome.refusal().reason);
            };
        }
        ObjectNode answer = WireAnswer.JSON.createObjectNode();
        answer.put("ewaybill_order_id", id);
        answer.put("waybill_id", outcome.waybill().number());
        answer.put("print_info", outcome.waybill().printData());
        answer.put("delivery_error_msg", "");
        return replies.ok(answer);
    }

    private WireAnswer get(String shopId, String id, SandboxApi.Replies replies) {
        Optional<EWaybillLedger.Waybill> taken = ledger.byKey(Platform.WECHAT, shopId, id);
        if (taken.isEmpty()) {
            return replies.refused(NOT_FOUND, "", "电子面单订单不存在,请确认面单ID");
        }
        ObjectNode answer = WireAnswer.JSON.createObjectNode();
        answer.putObject("order_info")
                .put("ewaybill_order_id", id)
                .put("waybill_id", taken.get().number())
                .put("delivery_id", CODES.deliveryId(taken.get().take().carrier()))
                // 1 taken, 2 cancelled: the sandbox's reading, the page's enum was not found
                .put("status", taken.get().cancelled() ? 2 : 1)
                .put("print_info", taken.get().printData());
        return replies.ok(answer);
    }

    private WireAnswer cancel(String shopId, String id, JsonNode body, SandboxApi.Replies replies) {
        Optional<EWaybillLedger.Waybill> taken = ledger.byKey(Platform.WECHAT, shopId, id);
        if (taken.isEmpty() || !taken.get().number().equals(body.path("waybill_id").asText())) {
            return replies.refused(NOT_FOUND, "", "电子面单订单不存在,请确认面单ID");
        }
        Carrier carrier = EWaybillLedger.carrier(CODES::deliveryId, body.path("delivery_id").asText(""));
        return switch (ledger.cancel(Platform.WECHAT, shopId, carrier, taken.get().number())) {
            case VOIDED -> replies.ok(WireAnswer.JSON.createObjectNode());
            case ALREADY -> replies.refused(CANCELLED, "", "电子面单已取消");
            case UNKNOWN -> replies.refused(NOT_FOUND, "", "电子面单与快递公司不符");
        };
    }
}
