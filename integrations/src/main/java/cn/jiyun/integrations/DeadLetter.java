package cn.jiyun.integrations;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform message that could not be turned into an order, kept with its reason so a person
 * can see it and retry it.
 *
 * @param platform   where it came from
 * @param shopId     the shop it concerns, or empty when the message did not say
 * @param source     how it arrived, e.g. {@code poll}, {@code webhook}, {@code upload}
 * @param rawMessage the message exactly as received
 * @param reason     why it was refused, in words a person can act on
 * @param receivedAt when it arrived
 */
public record DeadLetter(Platform platform, String shopId, String source, String rawMessage, String reason,
                         Instant receivedAt) {
    public DeadLetter {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(receivedAt, "receivedAt");
        shopId = shopId == null ? "" : shopId;
        source = source == null ? "" : source;
        rawMessage = rawMessage == null ? "" : rawMessage;
    }
}
