package cn.jiyun.integrations.sync;

import java.time.Duration;
import java.time.Instant;
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

    /**
     * Refuses a push whose platform-signed time {@code sentAt} lies more than {@code maxAge} before {@code now} or
     * more than {@code maxAhead} after it: a replay (de-duplication by message id alone would let a captured push
     * through again once its id had been forgotten) or a push delayed past what the platform itself would send.
     *
     * @param what   the signed field, as the refusal names it ({@code timestamp}, {@code createTime})
     * @param window the window, as the refusal names it ({@code redelivery window})
     */
    protected static void requireFresh(Instant sentAt, Instant now, Duration maxAge, Duration maxAhead, String what,
                                       String window) {
        if (sentAt.isBefore(now.minus(maxAge)) || sentAt.isAfter(now.plus(maxAhead))) {
            throw new PushRefusedException(what + " " + sentAt + " is outside the " + window + " (at most "
                    + spoken(maxAge) + " old, " + spoken(maxAhead) + " ahead of the service's clock, " + now
                    + "): a replayed or delayed push");
        }
    }

    private static String spoken(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }
}
