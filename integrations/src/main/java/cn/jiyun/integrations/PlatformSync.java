package cn.jiyun.integrations;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The way into one platform's shop sync, for fulfillment: each configured platform provides one as a
 * bean. The sync runs through the platform's sync route, so its error policy and dead letter apply.
 */
public interface PlatformSync {

    Platform platform();

    /**
     * Synchronises the shop in the background and returns at once. The future completes when the sync
     * is over: with its report, or empty when the shop was skipped (awaiting re-authorisation) or the
     * failure went to the dead letters.
     */
    CompletableFuture<Optional<SyncReport>> synchronise(String shopId);
}
