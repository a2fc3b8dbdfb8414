package cn.jiyun.integrations.sync;

import java.util.List;

/**
 * The webhook of a platform whose push secrets are not set: a shop that allows only polling is served by polling
 * alone (the source of truth in any case), and a push that arrives anyway is answered 404 with a sentence naming
 * the settings that would turn the webhook on. Nothing is read, stored or dead-lettered.
 */
public final class UnconfiguredPushReader extends PushReader {

    private final String reason;

    /**
     * @param platform   the platform's name, as people read it
     * @param properties the settings a webhook needs, e.g. {@code jiyun.platforms.kuaishou.message-key}
     */
    public UnconfiguredPushReader(String platform, String properties) {
        this(platform + "'s webhook is not configured: set " + properties
                + " to receive its pushes; until then its shops are kept in sync by polling");
    }

    private UnconfiguredPushReader(String reason) {
        super(WebhookAnswer.text(404, reason), WebhookAnswer.text(404, reason));
        this.reason = reason;
    }

    @Override
    public List<SyncHint> read(Push push) {
        throw new PushRefusedException(reason);
    }
}
