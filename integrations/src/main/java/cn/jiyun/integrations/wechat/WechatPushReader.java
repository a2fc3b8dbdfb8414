package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.sync.Push;
import cn.jiyun.integrations.sync.PushReader;
import cn.jiyun.integrations.sync.PushRefusedException;
import cn.jiyun.integrations.sync.SyncHint;
import cn.jiyun.integrations.sync.UnreadablePushException;
import cn.jiyun.integrations.sync.WebhookAnswer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads WeChat's message pushes (README 3.6): checks {@code msg_signature} over the {@code Encrypt} of the
 * raw body, opens it, and turns an order event into a hint. WeChat addresses a push to the shop's original id
 * ({@code ToUserName}, {@code gh_…}), which need not be how Jiyun knows the shop: when it is not, every active
 * shop is synchronised.
 */
public class WechatPushReader extends PushReader {

    /** Order and after-sale events; each may change an order Jiyun holds. */
    private static final String ORDER_EVENT_PREFIX = "channels_ec_";
    /** WeChat waits 5 s for a plain-text answer. */
    private static final WebhookAnswer ACKNOWLEDGED = WebhookAnswer.text(200, "success");
    private static final WebhookAnswer REFUSED = WebhookAnswer.text(401, "invalid signature");

    /**
     * How far a push's signed {@code timestamp} may lie from the service's clock. WeChat sends a push at once and
     * retries it within seconds, so an older one is a replay (de-duplication by message id alone would let a
     * captured push through again once its id had been forgotten).
     */
    public static final Duration FRESHNESS = Duration.ofMinutes(5);

    private final WechatMessageCrypto crypto;
    private final ObjectMapper json;
    private final Clock clock;

    public WechatPushReader(WechatMessageCrypto crypto, ObjectMapper json, Clock clock) {
        super(ACKNOWLEDGED, REFUSED);
        this.crypto = crypto;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<SyncHint> read(Push push) {
        String encrypted = encryptedPart(push.text());
        if (!crypto.verifyMessage(push.parameter("msg_signature"), push.parameter("timestamp"),
                push.parameter("nonce"), encrypted)) {
            throw new PushRefusedException("msg_signature does not match");
        }
        requireFresh(push.parameter("timestamp"));
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
            return List.of();
        }
        // Order ids exceed 2^53: asText keeps the digits of a numeric id exactly.
        String orderId = event.path("order_info").path("order_id").asText("");
        String shop = event.path("ToUserName").asText("");
        String messageId = event.hasNonNull("MsgId") ? event.get("MsgId").asText()
                : String.join(":", shop, eventName, orderId, event.path("CreateTime").asText(""));
        return List.of(new SyncHint(messageId, List.of(shop), true, message));
    }

    @Override
    public boolean verifiesUrl() {
        return true;
    }

    /** Checks the URL-verification GET and returns the {@code echostr} to answer with. */
    @Override
    public String verifyUrl(Push check) {
        String echostr = check.parameter("echostr");
        if (echostr == null || !crypto.verifyUrl(check.parameter("signature"), check.parameter("timestamp"),
                check.parameter("nonce"))) {
            throw new PushRefusedException("URL verification signature does not match");
        }
        return echostr;
    }

    private void requireFresh(String timestamp) {
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp);
        } catch (NumberFormatException notSeconds) {
            throw new PushRefusedException("timestamp is not a number of seconds");
        }
        requireFresh(Instant.ofEpochSecond(signedAt), clock.instant(), FRESHNESS, FRESHNESS, "timestamp",
                "freshness window");
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
        throw new PushRefusedException("push body has no Encrypt field to verify");
    }
}
