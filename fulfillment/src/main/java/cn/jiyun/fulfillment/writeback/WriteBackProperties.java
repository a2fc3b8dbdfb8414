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
        // refuse settings that cannot work at start, naming them
        Retries.of("jiyun.write-back", maxAttempts, firstBackOff, maxBackOff);
    }

    Retries retries() {
        return Retries.of("jiyun.write-back", maxAttempts, firstBackOff, maxBackOff);
    }
}
