package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Douyin's message push (README 1.9): checks {@code event-sign} on the raw bytes, reads the
 * array of messages and turns each order message into a {@link DouyinSyncHint}.
 */
public class DouyinWebhook {

    private static final Logger log = LoggerFactory.getLogger(DouyinWebhook.class);

    /** The answer Douyin expects for a received push. */
    public static final String ACKNOWLEDGED = "{\"code\":0,\"msg\":\"success\"}";
    /** The answer for a push Jiyun refuses. */
    public static final String REFUSED = "{\"code\":1,\"msg\":\"fail\"}";

    private final DouyinSigner signer;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public DouyinWebhook(DouyinSigner signer) {
        this.signer = signer;
    }

    /**
     * True when the push comes from Douyin for our app: {@code event-sign} matches the raw body
     * and {@code app-id}, when sent, is our app key.
     */
    public boolean isAuthentic(byte[] rawBody, String appId, String eventSign) {
        if (rawBody == null) {
            return false;
        }
        if (appId != null && !appId.isBlank() && !appId.trim().equals(signer.appKey())) {
            return false;
        }
        return signer.isAuthentic(rawBody, eventSign);
    }

    /** The messages of an authentic push. */
    public List<DouyinPushMessage> messages(byte[] rawBody) {
        try {
            List<DouyinPushMessage> messages = json.readValue(rawBody, new TypeReference<>() {
            });
            return messages == null ? List.of() : messages.stream().filter(Objects::nonNull).toList();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Douyin push is not a JSON array of {tag, msg_id, data}: "
                    + e.getMessage(), e);
        }
    }

    /** What to do about one message: a hint to sync its shop, or nothing for tags that do not concern orders. */
    public Optional<DouyinSyncHint> hint(DouyinPushMessage message) {
        if (DouyinMessageTag.CONSOLE_CHECK.equals(message.tag())) {
            return Optional.empty();
        }
        Optional<String> event = DouyinMessageTag.eventOf(message.tag());
        if (event.isEmpty()) {
            log.debug("Douyin push {} with tag {} does not concern orders", message.msgId(), message.tag());
            return Optional.empty();
        }
        JsonNode data = data(message);
        String shopId = data.path("shop_id").asText("");
        if (shopId.isEmpty()) {
            throw new IllegalArgumentException("Douyin push " + message.msgId() + " (tag " + message.tag()
                    + ") names no shop_id, so no shop can be synchronised for it");
        }
        // p_id is usually a number and once a string: asText keeps every digit either way.
        return Optional.of(new DouyinSyncHint(shopId, data.path("p_id").asText(""), event.get(), message.msgId()));
    }

    private JsonNode data(DouyinPushMessage message) {
        if (message.data() == null || message.data().isNull()) {
            return json.createObjectNode();
        }
        if (!message.data().isTextual()) {
            return message.data();
        }
        try {
            return json.readTree(message.data().asText());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Douyin push " + message.msgId() + " has a data string that is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
