package cn.jiyun.fulfillment.writeback;

import cn.jiyun.fulfillment.Retries;
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

    public WriteBackProperties {
        retries(maxAttempts, firstBackOff, maxBackOff);
    }

    Retries retries() {
        return retries(maxAttempts, firstBackOff, maxBackOff);
    }

    private static Retries retries(int maxAttempts, Duration firstBackOff, Duration maxBackOff) {
        try {
            return new Retries(maxAttempts, firstBackOff, maxBackOff);
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException("jiyun.write-back." + wrong.getMessage(), wrong);
        }
    }
}
