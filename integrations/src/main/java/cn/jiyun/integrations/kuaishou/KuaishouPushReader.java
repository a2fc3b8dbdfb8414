package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.sync.Push;
import cn.jiyun.integrations.sync.PushReader;
import cn.jiyun.integrations.sync.PushRefusedException;
import cn.jiyun.integrations.sync.SyncHint;
import cn.jiyun.integrations.sync.WebhookAnswer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Kuaishou's message push (README 2.8). There is no signature header: a body that decrypts with our message
 * key into a Kuaishou message for our app is the proof it is Kuaishou's, so anything short of that is refused.
 */
public class KuaishouPushReader extends PushReader {

    /** The only answer Kuaishou accepts as "received" (README 2.8). */
    private static final WebhookAnswer ACKNOWLEDGED = WebhookAnswer.json(200, "{\"result\":1}");
    private static final WebhookAnswer REFUSED = WebhookAnswer.text(401, "unauthorised");

    /**
     * How old a message's {@code createTime} may be: Kuaishou redelivers an unacknowledged message five times, after
     * 5, 10, 20, 30 and 60 minutes (README 2.8), so the last redelivery comes about 2 h 5 min after the first; an
     * older one is a replay (de-duplication by event id alone would let a captured push through again once its id
     * had been forgotten).
     */
    public static final Duration MAX_AGE = Duration.ofHours(3);
    /** How far ahead of the service's clock a message's {@code createTime} may be: clocks differ a little. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private final KuaishouMessageCipher cipher;
    private final String appKey;
    private final ObjectMapper json;
    private final Clock clock;

    public KuaishouPushReader(KuaishouMessageCipher cipher, String appKey, ObjectMapper json, Clock clock) {
        super(ACKNOWLEDGED, REFUSED);
        this.cipher = cipher;
        this.appKey = appKey;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<SyncHint> read(Push push) {
        String body = push.text();
        if (body.isBlank()) {
            throw new PushRefusedException("empty body");
        }
        String plaintext = cipher.decrypt(body);
        KuaishouMessage message;
        try {
            message = json.readValue(plaintext, KuaishouMessage.class);
        } catch (JsonProcessingException e) {
            message = null;
        }
        if (message == null) {
            throw new PushRefusedException("decrypted body is not a Kuaishou message");
        }
        if (message.appKey() != null && !message.appKey().equals(appKey)) {
            throw new PushRefusedException("message is for another app");
        }
        if (message.connectivityTest()) {
            return List.of();
        }
        checkFreshness(message);
        // Jiyun may know a shop by the seller id (userId) or by the OAuth open_id; a push carries both
        return List.of(new SyncHint(messageId(message, body), java.util.Arrays.asList(message.userId(),
                message.openId()), false, plaintext));
    }

    /**
     * A message's {@code createTime} (inside the encrypted body, so only Kuaishou can set it) must lie within the
     * redelivery schedule. A message without one is let through: the field is documented, but only a hint is lost
     * by refusing, and Kuaishou pauses a URL that keeps refusing.
     */
    private void checkFreshness(KuaishouMessage message) {
        if (message.createTime() == null) {
            return;
        }
        requireFresh(Instant.ofEpochMilli(message.createTime()), clock.instant(), MAX_AGE, MAX_AHEAD, "createTime",
                "redelivery window");
    }

    /** The platform's event id; a digest of the body when a message carries none (redeliveries are byte-identical). */
    private static String messageId(KuaishouMessage message, String body) {
        if (message.eventId() != null && !message.eventId().isBlank()) {
            return message.eventId();
        }
        if (message.msgId() != null && !message.msgId().isBlank()) {
            return message.msgId();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.trim().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
