package cn.jiyun.fulfillment.intake.web;

import cn.jiyun.fulfillment.intake.DeadLetterEntry;
import cn.jiyun.integrations.Platform;

import java.time.Instant;

/** A dead letter as the API shows it, raw message included so a person can see what came in. */
public record DeadLetterView(Long id, Platform platform, String shopId, String source, String reason,
                             String rawMessage, Instant receivedAt, DeadLetterEntry.Status status, int retries,
                             Instant lastRetryAt, String closedNote) {

    static DeadLetterView of(DeadLetterEntry e) {
        return new DeadLetterView(e.id(), e.platform(), e.platformShopId(), e.source(), e.reason(), e.rawMessage(),
                e.receivedAt(), e.status(), e.retries(), e.lastRetryAt(), e.closedNote());
    }
}
