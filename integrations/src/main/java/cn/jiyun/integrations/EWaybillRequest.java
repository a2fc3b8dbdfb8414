package cn.jiyun.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.List;

/**
 * What Jiyun asks a platform for one order's e-waybill.
 *
 * @param requestKey      unique per order and take (a new one only after a cancellation): the platform's
 *                        idempotency key (Kuaishou's requestId, Douyin's pack_id, WeChat's ewaybill_order_id)
 * @param platformOrderId the order as the platform numbers it
 * @param rawOrder        the order as the platform sent it: the receiver's ciphertext is read from it, never kept
 * @param sender          who sends: the cooperative's hub
 * @param items           product names and counts for the label
 */
public record EWaybillRequest(String requestKey, int take, String platformOrderId, EWaybillAccount account,
                              Sender sender, String rawOrder, List<Item> items) {

    /** The raw order as JSON, read for its receiver fields; missing when there is none or it is not JSON. */
    public JsonNode rawOrderJson(ObjectMapper json) {
        if (rawOrder == null || rawOrder.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(rawOrder);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** The sender's address and phone in clear, as every platform wants it. */
    public record Sender(String name, String mobile, String province, String city, String district, String detail) {
    }

    /** One line of the parcel. */
    public record Item(String name, int count) {
    }
}
