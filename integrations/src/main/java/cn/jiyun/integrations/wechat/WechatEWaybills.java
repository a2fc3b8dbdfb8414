package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.EWaybill;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.EWaybillIssuer;
import cn.jiyun.integrations.EWaybillRequest;
import cn.jiyun.integrations.PlainPrintData;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * WeChat Channels' e-waybills (docs/platforms/e-waybills.md, WeChat): {@code ewaybill/biz/order/create} under an
 * {@code ewaybill_order_id} Jiyun derives from the request key, so the same take always sends the same id; when
 * WeChat answers that the e-waybill exists already (a retry after a timeout), {@code order/get} reads the number it
 * took instead of taking a second. {@code order/cancel} voids one.
 */
public class WechatEWaybills implements EWaybillIssuer {

    static final String CREATE = "/channels/ec/logistics/ewaybill/biz/order/create";
    static final String GET = "/channels/ec/logistics/ewaybill/biz/order/get";
    static final String CANCEL = "/channels/ec/logistics/ewaybill/biz/order/cancel";
    /** "电子面单已存在": this ewaybill_order_id has been taken before. */
    static final String ALREADY_EXISTS = "10025019";

    private final WechatApiClient client;
    private final WechatCarrierCodes carrierCodes;

    public WechatEWaybills(WechatApiClient client, WechatCarrierCodes carrierCodes) {
        this.client = client;
        this.carrierCodes = carrierCodes;
    }

    @Override
    public Platform platform() {
        return Platform.WECHAT;
    }

    /** WeChat wants a Uint64 in a string: a stable number per request key, so a retry sends the same one. */
    static String eWaybillOrderId(String requestKey) {
        long bits = UUID.nameUUIDFromBytes(requestKey.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return Long.toString(bits & Long.MAX_VALUE);
    }

    @Override
    public EWaybill take(ShopAccount shop, EWaybillRequest request) {
        EWaybillAccount account = request.account();
        EWaybillRequest.Sender sender = request.sender();
        JsonNode order = request.rawOrderJson(client.json());
        JsonNode address = order.path("order_detail").path("delivery_info").path("address_info");
        String id = eWaybillOrderId(request.requestKey());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ewaybill_order_id", id);
        body.put("delivery_id", carrierCodes.deliveryId(account.carrier()));
        body.put("site_code", account.branchCode());
        body.put("ewaybill_acct_id", account.accountId());
        body.put("sender", address(sender.name(), sender.mobile(), sender.province(), sender.city(), sender.district(),
                sender.detail()));
        // the receiver as the shop order gives it (masked or ciphertext); Jiyun never holds more
        body.put("receiver", address(address.path("user_name").asText(), address.path("tel_number").asText(),
                address.path("province_name").asText(), address.path("city_name").asText(),
                address.path("county_name").asText(), address.path("detail_info").asText()));
        body.put("ec_order_list", List.of(Map.of("ec_order_id", Long.parseLong(request.platformOrderId()),
                "goods_list", request.items().stream()
                        .map(item -> Map.of("good_name", item.name(), "good_count", item.count())).toList())));
        body.put("shop_id", shop.shopId());
        body.put("template_id", "single");
        String masked = String.join(" ", address.path("user_name").asText(), address.path("tel_number").asText(),
                address.path("province_name").asText() + address.path("city_name").asText()
                        + address.path("county_name").asText()).strip();
        JsonNode answer;
        try {
            answer = client.post(shop, CREATE, body).json();
        } catch (PlatformException refused) {
            if (!ALREADY_EXISTS.equals(refused.platformCode())) {
                throw refused;
            }
            JsonNode info = client.post(shop, GET, Map.of("ewaybill_order_id", id)).json().path("order_info");
            if (info.path("waybill_id").asText().isBlank()) {
                throw new PlatformException(Platform.WECHAT, ALREADY_EXISTS, "WeChat says e-waybill order " + id
                        + " exists but order/get shows no waybill yet; try again", true);
            }
            return eWaybill(info.path("waybill_id").asText(), info.path("print_info").asText(""), id, masked);
        }
        String waybill = answer.path("waybill_id").asText();
        if (waybill.isBlank()) {
            throw new PlatformException(Platform.WECHAT, "no-waybill", "order/create gave no waybill for order "
                    + request.platformOrderId() + ": " + answer.path("delivery_error_msg").asText(), false);
        }
        return eWaybill(waybill, answer.path("print_info").asText(), id, masked);
    }

    /** print_info is the print component's message unless it is plain print data naming the number (the sandbox's). */
    private static EWaybill eWaybill(String waybill, String printInfo, String id, String masked) {
        Optional<PlainPrintData> plain = PlainPrintData.read(printInfo, waybill);
        return new EWaybill(waybill, plain.map(PlainPrintData::sortCode).orElse(""), printInfo, plain.isEmpty(), id,
                masked);
    }

    @Override
    public void cancel(ShopAccount shop, EWaybillAccount account, String waybillNumber, String platformReference) {
        client.post(shop, CANCEL, Map.of("ewaybill_order_id", platformReference,
                "delivery_id", carrierCodes.deliveryId(account.carrier()), "waybill_id", waybillNumber));
    }

    private static Map<String, Object> address(String name, String mobile, String province, String city,
                                               String county, String detail) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", name);
        address.put("mobile", mobile);
        address.put("province", province);
        address.put("city", city);
        address.put("county", county);
        address.put("street", "");
        address.put("address", detail);
        return address;
    }


    @Override
    public String toString() {
        return "WechatEWaybills[" + client + "]";
    }
}
