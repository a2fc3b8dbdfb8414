package cn.jiyun.integrations.sync;

import java.util.List;

/**
 * A platform's webhook: how its pushes are verified and read, and what it expects as answers. The push is
 * only ever a hint; the sync it prompts reads what changed.
 */
public abstract class PushReader {

    private final WebhookAnswer acknowledged;
    private final WebhookAnswer refused;

    /**
     * @param acknowledged the answer to a push received (or verified but unreadable, which sending again
     *                     would not mend)
     * @param refused      the answer to a push refused
     */
    protected PushReader(WebhookAnswer acknowledged, WebhookAnswer refused) {
        this.acknowledged = acknowledged;
        this.refused = refused;
    }

    /**
     * Verifies the push on its raw body and reads the hints it carries: none for a console check or an
     * event that concerns no order.
     *
     * @throws PushRefusedException    when the push is not provably the platform's, for our app
     * @throws UnreadablePushException when it is, but what it says cannot be read
     */
    public abstract List<SyncHint> read(Push push);

    public final WebhookAnswer acknowledged() {
        return acknowledged;
    }

    public final WebhookAnswer refused() {
        return refused;
    }

    /**
     * Answers the platform's URL verification ({@code GET} on the webhook path) with what it must echo.
     * Platforms without one keep this default, and get no {@code GET} route.
     *
     * @throws PushRefusedException when the check's signature does not match
     */
    public String verifyUrl(Push check) {
        throw new UnsupportedOperationException("no URL verification");
    }

    public boolean verifiesUrl() {
        return false;
    }
}
