package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.douyin.DouyinCarrierCodes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Douyin's {@code logistics.newCreateOrder} and {@code logistics.cancelOrder} over the sandbox's ledger
 * (docs/platforms/e-waybills.md, Douyin): the request key is the order id with its pack id; a refused order is an
 * {@code err_infos} entry of a successful call; the numbers come with sorting code and package centre in clear.
 */
final class DouyinSandboxEWaybills {

    private static final DouyinCarrierCodes CODES = new DouyinCarrierCodes(Map.of());

    private final EWaybillLedger ledger;

    DouyinSandboxEWaybills(EWaybillLedger ledger) {
        this.ledger = ledger;
    }

    WireAnswer create(String shopId, JsonNode params, SandboxApi.Replies replies) {
        String company = params.path("logistics_code").asText("");
        JsonNode orders = params.path("order_infos");
        if (company.isEmpty() || !orders.isArray() || orders.isEmpty() || orders.size() > 50) {
            return replies.refused(40001, "isv.parameter-missing", "logistics_code、order_infos(1-50个)均为必填");
        }
        Carrier carrier = EWaybillLedger.carrier(CODES::companyCode, company);
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        ArrayNode taken = data.putArray("ebill_infos");
        ArrayNode refused = data.putArray("err_infos");
        for (JsonNode order : orders) {
            String orderId = order.path("order_id").asText("");
            String packId = order.path("pack_id").asText("");
            JsonNode net = order.path("net_info");
            EWaybillLedger.Outcome outcome = ledger.take(new EWaybillLedger.Take(Platform.DOUYIN, shopId, orderId,
                    orderId + "/" + packId, carrier, net.path("net_code").asText(""),
                    net.path("monthly_account").asText(""), net.path("secret_key").asText("")));
            if (outcome.refusal() != null) {
                refused.addObject().put("order_id", orderId).put("pack_id", packId)
                        .put("err_code", 30000 + outcome.refusal().ordinal() + 1)
                        .put("err_msg", outcome.refusal().reason);
                continue;
            }
            EWaybillLedger.Waybill waybill = outcome.waybill();
            taken.addObject().put("order_id", orderId).put("pack_id", packId)
                    .put("track_no", waybill.number()).put("company", company)
                    .put("sort_code", waybill.sortCode())
                    .put("package_center_code", waybill.sortCode().substring(0, 3))
                    .put("package_center_name", waybill.packageCenter())
                    .put("short_address_code", waybill.sortCode().substring(0, 3))
                    .put("short_address_name", waybill.sortCode())
                    // the label's data in clear, masked receiver included: the sandbox's reading of extra_resp
                    .set("extra_resp", readTree(waybill.printData()));
        }
        return replies.ok(data);
    }

    private static JsonNode readTree(String json) {
        try {
            return WireAnswer.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger's print data is JSON", e);
        }
    }

    WireAnswer cancel(String shopId, JsonNode params, SandboxApi.Replies replies) {
        String number = params.path("track_no").asText("");
        if (number.isEmpty()) {
            return replies.refused(40001, "isv.parameter-missing", "缺少track_no");
        }
        Carrier carrier = EWaybillLedger.carrier(CODES::companyCode, params.path("logistics_code").asText(""));
        return switch (ledger.cancel(Platform.DOUYIN, shopId, carrier, number)) {
            case VOIDED -> replies.ok(WireAnswer.JSON.createObjectNode().put("success", true));
            case ALREADY -> replies.refused(50002, "isv.business-failed:waybill-cancelled", "电子面单已取消，不能重复取消");
            case UNKNOWN -> replies.refused(50002, "isv.business-failed:waybill-not-exist", "电子面单号不存在: " + number);
        };
    }
}
