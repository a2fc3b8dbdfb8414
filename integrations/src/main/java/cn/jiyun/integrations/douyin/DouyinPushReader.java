package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.sync.Push;
import cn.jiyun.integrations.sync.PushReader;
import cn.jiyun.integrations.sync.PushRefusedException;
import cn.jiyun.integrations.sync.SyncHint;
import cn.jiyun.integrations.sync.UnreadablePushException;
import cn.jiyun.integrations.sync.WebhookAnswer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Douyin's message push (README 1.9): checks {@code event-sign} on the raw bytes and {@code app-id}, reads
 * the array of messages and turns each order message into a hint to sync its shop.
 */
public class DouyinPushReader extends PushReader {

    private static final WebhookAnswer ACKNOWLEDGED = WebhookAnswer.json(200, "{\"code\":0,\"msg\":\"success\"}");
    private static final WebhookAnswer REFUSED = WebhookAnswer.json(401, "{\"code\":1,\"msg\":\"fail\"}");

    private final DouyinSigner signer;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public DouyinPushReader(DouyinSigner signer) {
        super(ACKNOWLEDGED, REFUSED);
        this.signer = signer;
    }

    @Override
    public List<SyncHint> read(Push push) {
        String appId = push.parameter("app-id");
        if (appId != null && !appId.isBlank() && !appId.trim().equals(signer.appKey())) {
            throw new PushRefusedException("app-id " + appId + " is another app's");
        }
        if (!signer.isAuthentic(push.body(), push.parameter("event-sign"))) {
            throw new PushRefusedException("event-sign does not match the body");
        }
        List<SyncHint> hints = new ArrayList<>();
        for (DouyinPushMessage message : messages(push)) {
            if (DouyinMessageTag.CONSOLE_CHECK.equals(message.tag()) || DouyinMessageTag.eventOf(message.tag()).isEmpty()) {
                continue; // the console checking the URL, or news that concerns no order
            }
            String shopId = data(push, message).path("shop_id").asText("");
            if (shopId.isEmpty()) {
                throw new UnreadablePushException(push.text(), "Douyin push " + message.msgId() + " (tag "
                        + message.tag() + ") names no shop_id, so no shop can be synchronised for it");
            }
            hints.add(SyncHint.forShop(message.msgId(), shopId, push.text()));
        }
        return hints;
    }

    private List<DouyinPushMessage> messages(Push push) {
        try {
            List<DouyinPushMessage> messages = json.readValue(push.body(), new TypeReference<>() {
            });
            return messages == null ? List.of() : messages.stream().filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UnreadablePushException(push.text(), "Douyin push is not a JSON array of {tag, msg_id, data}: "
                    + e.getMessage(), e);
        }
    }

    /** {@code data} is documented as a JSON string holding an object; read leniently as the object itself too. */
    private JsonNode data(Push push, DouyinPushMessage message) {
        if (message.data() == null || message.data().isNull()) {
            return json.createObjectNode();
        }
        if (!message.data().isTextual()) {
            return message.data();
        }
        try {
            return json.readTree(message.data().asText());
        } catch (JsonProcessingException e) {
            throw new UnreadablePushException(push.text(), "Douyin push " + message.msgId()
                    + " has a data string that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
