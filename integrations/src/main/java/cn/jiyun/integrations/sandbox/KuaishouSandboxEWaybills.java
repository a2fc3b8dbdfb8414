package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.kuaishou.KuaishouCarrierCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Kuaishou's {@code open.express.ebill.get} and {@code open.express.ebill.cancel} over the sandbox's ledger
 * (docs/platforms/e-waybills.md, Kuaishou): idempotent on {@code requestId}, at most ten requests a call, each
 * answered in {@code data[]} with its own {@code result}; a taken e-waybill binds the order's delivery to its number.
 */
final class KuaishouSandboxEWaybills {

    /** Per-request refusal codes; Kuaishou's own were not found, these are the sandbox's (see the document). */
    static final int REFUSED_BASE = 820_000;
    private static final int MOST_REQUESTS = 10;

    private final EWaybillLedger ledger;

    KuaishouSandboxEWaybills(EWaybillLedger ledger) {
        this.ledger = ledger;
    }

    WireAnswer get(String shopId, JsonNode param, SandboxApi.Replies replies) {
        JsonNode requests = param.path("getEbillOrderRequest");
        if (!requests.isArray() || requests.isEmpty() || requests.size() > MOST_REQUESTS) {
            return replies.refused(KuaishouSandboxApi.INVALID_REQUEST, "", "getEbillOrderRequest须为1-10个取号请求");
        }
        ArrayNode data = WireAnswer.JSON.createArrayNode();
        for (JsonNode request : requests) {
            String requestId = request.path("requestId").asText("");
            ObjectNode answer = data.addObject().put("requestId", requestId);
            if (requestId.isEmpty()) {
                answer.put("result", KuaishouSandboxApi.INVALID_REQUEST).put("errorMsg", "requestId不能为空");
                continue;
            }
            Carrier carrier = EWaybillLedger.carrier(KuaishouCarrierCodes::eBillCompanyCode,
                    request.path("expressCompanyCode").asText(""));
            EWaybillLedger.Outcome outcome = ledger.take(new EWaybillLedger.Take(Platform.KUAISHOU, shopId,
                    request.path("tradeOrderCode").asText(""), requestId, carrier, request.path("netSiteCode").asText(""),
                    request.path("settleAccount").asText(""), null));
            if (outcome.refusal() != null) {
                answer.put("result", REFUSED_BASE + outcome.refusal().ordinal() + 1)
                        .put("errorMsg", outcome.refusal().reason);
                continue;
            }
            answer.put("result", KuaishouSandboxApi.SUCCESS).put("errorMsg", "");
            answer.putArray("data").addObject()
                    .put("waybillCode", outcome.waybill().number())
                    .put("parentWaybillCode", "")
                    .put("printData", outcome.waybill().printData());
        }
        return replies.ok(data);
    }

    WireAnswer cancel(String shopId, JsonNode param, SandboxApi.Replies replies) {
        String number = param.path("waybillCode").asText("");
        if (number.isEmpty()) {
            return replies.refused(KuaishouSandboxApi.INVALID_REQUEST, "", "waybillCode不能为空");
        }
        Carrier carrier = EWaybillLedger.carrier(KuaishouCarrierCodes::eBillCompanyCode,
                param.path("expressCompanyCode").asText(""));
        return switch (ledger.cancel(Platform.KUAISHOU, shopId, carrier, number)) {
            case VOIDED -> replies.ok(null);
            case ALREADY -> replies.refused(REFUSED_BASE + 10, "", "电子面单已取消，不能重复取消");
            case UNKNOWN -> replies.refused(REFUSED_BASE + 11, "", "电子面单号不存在: " + number);
        };
    }

    /** Why a delivery of the order is refused: it names another number than the e-waybill taken for it. */
    Optional<String> deliveryMismatch(String shopId, String orderId, String expressNo) {
        return ledger.current(Platform.KUAISHOU, shopId, orderId)
                .filter(waybill -> !waybill.number().equals(expressNo))
                .map(waybill -> "发货运单号与该订单已取的电子面单号不一致，请使用电子面单号 " + waybill.number() + " 发货");
    }
}
