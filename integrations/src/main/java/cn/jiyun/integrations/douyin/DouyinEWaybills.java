package cn.jiyun.integrations.douyin;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Douyin's e-waybills (docs/platforms/e-waybills.md, Douyin): {@code logistics.newCreateOrder} takes one, signed
 * as every Douyin call; the same order id and pack id asked again answers the number already taken, which is what
 * makes a retry after a timeout safe. {@code logistics.cancelOrder} voids one.
 */
public class DouyinEWaybills implements EWaybillIssuer {

    static final String CREATE = "logistics.newCreateOrder";
    static final String CANCEL = "logistics.cancelOrder";

    private final DouyinClient client;
    private final DouyinCarrierCodes carrierCodes;
    private final ObjectMapper json = new ObjectMapper();

    public DouyinEWaybills(DouyinClient client, DouyinCarrierCodes carrierCodes) {
        this.client = client;
        this.carrierCodes = carrierCodes;
    }

    @Override
    public Platform platform() {
        return Platform.DOUYIN;
    }

    @Override
    public EWaybill take(ShopAccount shop, EWaybillRequest request) {
        EWaybillAccount account = request.account();
        EWaybillRequest.Sender sender = request.sender();
        Map<String, Object> senderAddress = new LinkedHashMap<>();
        senderAddress.put("country_code", "CHN");
        senderAddress.put("province_name", sender.province());
        senderAddress.put("city_name", sender.city());
        senderAddress.put("district_name", sender.district());
        senderAddress.put("detail_address", sender.detail());
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", request.platformOrderId());
        // the first take goes without a pack id; a take after a cancellation needs a new one, else the old number
        if (request.take() > 1) {
            order.put("pack_id", "JY" + request.take());
        }
        order.put("receiver_info", receiver(request.rawOrderJson(json)));
        order.put("items", request.items().stream()
                .map(item -> Map.of("item_name", item.name(), "item_count", item.count())).toList());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("logistics_code", carrierCodes.companyCode(account.carrier()));
        params.put("sender_info", Map.of("address", senderAddress,
                "contact", Map.of("name", sender.name(), "mobile", sender.mobile())));
        params.put("order_infos", List.of(order));
        if (account.branchCode() != null && !account.branchCode().isBlank()) {
            Map<String, Object> net = new LinkedHashMap<>();
            net.put("net_code", account.branchCode());
            if (account.accountId() != null && !account.accountId().isBlank()) {
                net.put("monthly_account", account.accountId());
            }
            if (account.secret() != null && !account.secret().isBlank()) {
                net.put("secret_key", account.secret());
            }
            order.put("net_info", net);
        }
        JsonNode data = client.call(shop, CREATE, params);
        for (JsonNode error : data.path("err_infos")) {
            if (request.platformOrderId().equals(error.path("order_id").asText())) {
                throw new PlatformException(Platform.DOUYIN, error.path("err_code").asText("refused"),
                        CREATE + " refused order " + request.platformOrderId() + ": " + error.path("err_msg").asText(),
                        false);
            }
        }
        for (JsonNode info : data.path("ebill_infos")) {
            if (request.platformOrderId().equals(info.path("order_id").asText())
                    && !info.path("track_no").asText().isBlank()) {
                return new EWaybill(info.path("track_no").asText(), sortCode(info), printData(info), false, "",
                        maskedReceiver(request.rawOrderJson(json), info));
            }
        }
        throw new PlatformException(Platform.DOUYIN, "no-waybill",
                CREATE + " answered no waybill and no error for order " + request.platformOrderId(), true);
    }

    @Override
    public void cancel(ShopAccount shop, EWaybillAccount account, String waybillNumber, String platformReference) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("logistics_code", carrierCodes.companyCode(account.carrier()));
        params.put("track_no", waybillNumber);
        JsonNode data = client.call(shop, CANCEL, params);
        if (data.has("success") && !data.path("success").asBoolean()) {
            throw new PlatformException(Platform.DOUYIN, "cancel-refused",
                    CANCEL + " did not void " + waybillNumber, false);
        }
    }

    /** The receiver as Douyin's order gave it: ciphertext for name, phone and street, plain region names. */
    private static Map<String, Object> receiver(JsonNode order) {
        JsonNode addr = order.path("post_addr");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("country_code", "CHN");
        address.put("province_name", addr.path("province").path("name").asText());
        address.put("city_name", addr.path("city").path("name").asText());
        address.put("district_name", addr.path("town").path("name").asText());
        address.put("detail_address", addr.path("encrypt_detail").asText());
        return Map.of("address", address, "contact", Map.of(
                "name", order.path("encrypt_post_receiver").asText(),
                "mobile", order.path("encrypt_post_tel").asText()));
    }

    /**
     * The masked recipient: from plain print data in {@code extra_resp} when it carries one (the sandbox's does),
     * else from the order, of which Jiyun keeps only the region.
     */
    private static String maskedReceiver(JsonNode order, JsonNode info) {
        JsonNode extra = info.path("extra_resp");
        Optional<String> printed = PlainPrintData.read(extra.isTextual() ? extra.asText() : extra.toString(),
                info.path("track_no").asText()).map(PlainPrintData::receiver).filter(receiver -> !receiver.isBlank());
        if (printed.isPresent()) {
            return printed.get();
        }
        JsonNode addr = order.path("post_addr");
        return String.join(" ", order.path("mask_post_receiver").asText(), order.path("mask_post_tel").asText(),
                addr.path("province").path("name").asText() + addr.path("city").path("name").asText()
                        + addr.path("town").path("name").asText()).strip();
    }

    private static String sortCode(JsonNode info) {
        String sort = info.path("sort_code").asText();
        return sort.isBlank() ? info.path("short_address_name").asText() : sort;
    }

    private String printData(JsonNode info) {
        ObjectNode print = json.createObjectNode();
        for (String field : List.of("company", "track_no", "sort_code", "package_center_code", "package_center_name",
                "short_address_code", "short_address_name", "extra_resp")) {
            if (info.hasNonNull(field)) {
                print.set(field, info.get(field));
            }
        }
        return print.toString();
    }


    @Override
    public String toString() {
        return "DouyinEWaybills[" + client + "]";
    }
}
