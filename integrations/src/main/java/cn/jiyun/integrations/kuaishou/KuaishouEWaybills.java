package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.EWaybill;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.EWaybillIssuer;
import cn.jiyun.integrations.EWaybillRequest;
import cn.jiyun.integrations.PlainPrintData;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kuaishou's e-waybills (docs/platforms/e-waybills.md, Kuaishou): {@code open.express.ebill.get} takes one, signed
 * as every Kuaishou call, with the order's receiver ciphertext; Kuaishou is idempotent on {@code requestId}, so a
 * retry after a timeout sends the same request key and gets the number already taken. {@code open.express.ebill.cancel}
 * voids one.
 *
 * <p>The answer's shape is the least certain part: {@code data[] {requestId, data[] {waybillCode, printData}}}, a
 * refused request carrying its own {@code result} and {@code errorMsg} (low confidence, see the document).
 */
public class KuaishouEWaybills implements EWaybillIssuer {

    static final String GET = "open.express.ebill.get";
    static final String CANCEL = "open.express.ebill.cancel";

    private final KuaishouClient client;
    private final ObjectMapper json;

    public KuaishouEWaybills(KuaishouClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Platform platform() {
        return Platform.KUAISHOU;
    }

    @Override
    public EWaybill take(ShopAccount shop, EWaybillRequest request) {
        JsonNode order = request.rawOrderJson(json);
        JsonNode address = order.path("orderAddress");
        JsonNode data = client.write(shop, GET, Map.of("getEbillOrderRequest", List.of(ebillRequest(request, order))));
        JsonNode answer = answerFor(data, request.requestKey());
        int result = answer.path("result").asInt(KuaishouResponse.SUCCESS);
        if (result != KuaishouResponse.SUCCESS) {
            throw new PlatformException(Platform.KUAISHOU, String.valueOf(result), GET + " refused order "
                    + request.platformOrderId() + ": " + answer.path("errorMsg").asText("no reason given"), false);
        }
        for (JsonNode waybill : answer.path("data")) {
            String number = waybill.path("waybillCode").asText();
            if (!number.isBlank()) {
                String printData = waybill.path("printData").asText("");
                Optional<PlainPrintData> plain = PlainPrintData.read(printData, number);
                String masked = String.join(" ", address.path("desensitiseConsignee").asText(),
                        address.path("desensitiseMobile").asText(), address.path("province").asText()
                                + address.path("city").asText() + address.path("district").asText()).strip();
                return new EWaybill(number, plain.map(PlainPrintData::sortCode).orElse(""), printData,
                        plain.isEmpty(), "", masked);
            }
        }
        throw new PlatformException(Platform.KUAISHOU, "no-waybill",
                GET + " answered no waybill and no error for order " + request.platformOrderId(), true);
    }

    @Override
    public void cancel(ShopAccount shop, EWaybillAccount account, String waybillNumber, String platformReference) {
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("expressCompanyCode", KuaishouCarrierCodes.eBillCompanyCode(account.carrier()));
        param.put("waybillCode", waybillNumber);
        client.read(shop, CANCEL, param);
    }

    /** One {@code getEbillOrderRequest[]} element: the receiver as the order's ciphertext, the sender in clear. */
    private static Map<String, Object> ebillRequest(EWaybillRequest request, JsonNode order) {
        EWaybillAccount account = request.account();
        EWaybillRequest.Sender sender = request.sender();
        JsonNode base = order.path("orderBaseInfo");
        JsonNode address = order.path("orderAddress");
        Map<String, Object> ebill = new LinkedHashMap<>();
        ebill.put("merchantCode", base.path("sellerOpenId").asText());
        ebill.put("merchantName", base.path("sellerNick").asText());
        ebill.put("requestId", request.requestKey());
        ebill.put("tradeOrderCode", request.platformOrderId());
        ebill.put("expressCompanyCode", KuaishouCarrierCodes.eBillCompanyCode(account.carrier()));
        putIfPresent(ebill, "netSiteCode", account.branchCode());
        putIfPresent(ebill, "settleAccount", account.accountId());
        ebill.put("senderAddress", address(sender.province(), sender.city(), sender.district(), sender.detail()));
        ebill.put("senderContract", Map.of("name", sender.name(), "mobile", sender.mobile()));
        ebill.put("receiverAddress", address(address.path("province").asText(), address.path("city").asText(),
                address.path("district").asText(), address.path("encryptedAddress").asText()));
        ebill.put("receiverContract", Map.of("name", address.path("encryptedConsignee").asText(),
                "mobile", address.path("encryptedMobile").asText()));
        ebill.put("itemList", request.items().stream()
                .map(item -> Map.of("itemTitle", item.name(), "itemQuantity", item.count())).toList());
        ebill.put("totalPackageQuantity", 1);
        // "the same package code under one order answers the same number": a new take needs a new one
        ebill.put("packageCode", "JY" + request.take());
        return ebill;
    }

    private static Map<String, Object> address(String province, String city, String district, String detail) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("provinceName", province);
        address.put("cityName", city);
        address.put("districtName", district);
        address.put("detailAddress", detail);
        return address;
    }

    private static void putIfPresent(Map<String, Object> target, String field, String value) {
        if (value != null && !value.isBlank()) {
            target.put(field, value);
        }
    }

    /** The answer to this request id; a single answer without an id is taken as this request's. */
    private static JsonNode answerFor(JsonNode data, String requestId) {
        for (JsonNode answer : data == null ? MissingNode.getInstance() : data) {
            if (requestId.equals(answer.path("requestId").asText()) || data.size() == 1) {
                return answer;
            }
        }
        return MissingNode.getInstance();
    }


    @Override
    public String toString() {
        return "KuaishouEWaybills[" + client + "]";
    }
}
