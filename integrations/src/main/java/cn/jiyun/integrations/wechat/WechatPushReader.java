package cn.jiyun.integrations.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * Reads WeChat's message pushes (README 3.6): checks {@code msg_signature} over the {@code Encrypt} of the
 * raw body, opens it, and turns an order event into a {@link WechatOrderHint}.
 */
public class WechatPushReader {

    /** Order and after-sale events; each may change an order Jiyun holds. */
    private static final String ORDER_EVENT_PREFIX = "channels_ec_";

    private final WechatMessageCrypto crypto;
    private final ObjectMapper json;

    public WechatPushReader(WechatMessageCrypto crypto, ObjectMapper json) {
        this.crypto = crypto;
        this.json = json;
    }

    /**
     * Opens one event push.
     *
     * @return the hint, or empty for an event that concerns no order
     * @throws WebhookRejectedException when the push is not provably WeChat's, for our app
     * @throws UnreadablePushException  when it is, but the message inside cannot be read
     */
    public Optional<WechatOrderHint> open(String msgSignature, String timestamp, String nonce, String rawBody) {
        String encrypted = encryptedPart(rawBody);
        if (!crypto.verifyMessage(msgSignature, timestamp, nonce, encrypted)) {
            throw new WebhookRejectedException("msg_signature does not match");
        }
        String message = crypto.decrypt(encrypted);
        JsonNode event;
        try {
            event = json.readTree(message);
        } catch (JsonProcessingException e) {
            throw new UnreadablePushException(message, "decrypted push is not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            throw new UnreadablePushException(message, "decrypted push is not a JSON object");
        }
        String eventName = event.path("Event").asText("");
        if (!eventName.startsWith(ORDER_EVENT_PREFIX)) {
            return Optional.empty();
        }
        // Order ids exceed 2^53: asText keeps the digits of a numeric id exactly.
        String orderId = event.path("order_info").path("order_id").asText("");
        String shop = event.path("ToUserName").asText("");
        String createTime = event.path("CreateTime").asText("");
        String messageId = event.hasNonNull("MsgId") ? event.get("MsgId").asText()
                : String.join(":", shop, eventName, orderId, createTime);
        return Optional.of(new WechatOrderHint(messageId, shop, eventName, orderId, message));
    }

    /** Checks the URL-verification GET and returns the {@code echostr} to answer with. */
    public String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
        if (echostr == null || !crypto.verifyUrl(signature, timestamp, nonce)) {
            throw new WebhookRejectedException("URL verification signature does not match");
        }
        return echostr;
    }

    private String encryptedPart(String rawBody) {
        try {
            JsonNode body = rawBody == null ? null : json.readTree(rawBody);
            if (body != null && body.path("Encrypt").isTextual()) {
                return body.get("Encrypt").asText();
            }
        } catch (JsonProcessingException e) {
            // fall through: an unreadable body cannot carry a valid signature
        }
        throw new WebhookRejectedException("push body has no Encrypt field to verify");
    }

    /** A push signed and sealed by WeChat whose message Jiyun cannot read: kept as a dead letter. */
    public static class UnreadablePushException extends RuntimeException {
        private final String decryptedMessage;

        public UnreadablePushException(String decryptedMessage, String reason) {
            super(reason);
            this.decryptedMessage = decryptedMessage;
        }

        public String decryptedMessage() {
            return decryptedMessage;
        }
    }
}
