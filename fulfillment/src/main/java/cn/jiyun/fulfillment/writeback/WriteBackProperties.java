package cn.jiyun.fulfillment.writeback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the write-back queue retries.
 *
 * @param interval      how often due write-backs are sent
 * @param maxAttempts   attempts before a write-back is marked failed for a person
 * @param firstBackOff  wait after the first failure; doubles each time
 * @param maxBackOff    the longest wait between attempts
 */
@ConfigurationProperties("jiyun.write-back")
public record WriteBackProperties(@DefaultValue("10s") Duration interval, @DefaultValue("8") int maxAttempts,
                                  @DefaultValue("30s") Duration firstBackOff, @DefaultValue("1h") Duration maxBackOff) {

    Duration backOffAfter(int attempts) {
        Duration wait = firstBackOff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }
}
