package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.Retries;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How handed-over parcels are followed (the aggregator itself is {@code jiyun.tracking.kuaidi100.*}).
 *
 * @param interval           how often due subscriptions are sent to the aggregator
 * @param maxAttempts        attempts before a subscription is marked failed for a person
 * @param firstBackOff       wait after the first failure; doubles each time
 * @param maxBackOff         the longest wait between attempts
 * @param silentAfter        a parcel without a scan for this long needs a person
 * @param silenceCheckInterval how often the service looks for such parcels
 */
@ConfigurationProperties("jiyun.tracking")
public record TrackingProperties(@DefaultValue("10s") Duration interval, @DefaultValue("8") int maxAttempts,
                                 @DefaultValue("30s") Duration firstBackOff, @DefaultValue("1h") Duration maxBackOff,
                                 @DefaultValue("72h") Duration silentAfter,
                                 @DefaultValue("10m") Duration silenceCheckInterval) {

    public TrackingProperties {
        // refuse settings that cannot work at start, naming them
        Retries.of("jiyun.tracking", maxAttempts, firstBackOff, maxBackOff);
        if (silentAfter.isNegative() || silentAfter.isZero()) {
            throw new IllegalArgumentException("jiyun.tracking.silent-after must be positive, was " + silentAfter);
        }
    }

    Retries retries() {
        return Retries.of("jiyun.tracking", maxAttempts, firstBackOff, maxBackOff);
    }
}
