package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every platform connector has, under {@code jiyun.platforms.<platform>}; a platform's own
 * record adds only its credentials. Where a platform needs another default (its longest window, its page
 * size), it says so when binding, see {@link #bind}.
 *
 * @param baseUrl            the platform's API gateway; the connector is off until it is set
 * @param pollInterval       how often every active shop is polled; polling is the source of truth
 * @param pollInitialDelay   how long after start-up the first poll runs
 * @param pollingEnabled     false stops the timer (webhook hints and requested syncs still work)
 * @param backfill           how far back a shop without a cursor is read
 * @param windowOverlap      how far before the cursor each sync starts again, for late-committed updates
 * @param windowLength       the longest update-time window one list query covers
 * @param pageSize           orders (or order ids) per page, 1 to 100
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        how long one call may take to answer
 * @param tokenRefreshMargin an access token that expires within this is replaced before use
 * @param retry              the client's back-off for one call that may pass when repeated
 * @param redelivery         the sync route's redelivery of a whole shop sync, before the dead letter
 */
public record ConnectorSettings(
        URI baseUrl,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("5s") Duration pollInitialDelay,
        @DefaultValue("true") boolean pollingEnabled,
        @DefaultValue("P3D") Duration backfill,
        @DefaultValue("10m") Duration windowOverlap,
        @DefaultValue("1h") Duration windowLength,
        @DefaultValue("100") int pageSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("10m") Duration tokenRefreshMargin,
        @DefaultValue Retry retry,
        @DefaultValue Redelivery redelivery) {

    public ConnectorSettings {
        Objects.requireNonNull(baseUrl, "base-url");
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("page-size must be 1..100, was " + pageSize);
        }
        if (windowLength.isNegative() || windowLength.isZero()) {
            throw new IllegalArgumentException("window-length must be positive, was " + windowLength);
        }
        if (windowOverlap.isNegative()) {
            throw new IllegalArgumentException("window-overlap must not be negative");
        }
    }

    /**
     * Binds {@code jiyun.platforms.<platform>.*} from these sources; {@code platformDefaults} (relative
     * names such as {@code window-length}) stand where the sources say nothing.
     */
    public static ConnectorSettings bind(Platform platform, Iterable<ConfigurationPropertySource> sources,
                                         Map<String, String> platformDefaults) {
        return bind(platform, sources, null, platformDefaults);
    }

    private static ConnectorSettings bind(Platform platform, Iterable<ConfigurationPropertySource> sources,
                                          PlaceholdersResolver placeholders, Map<String, String> platformDefaults) {
        String prefix = prefix(platform);
        Map<String, String> defaults = new LinkedHashMap<>();
        platformDefaults.forEach((name, value) -> defaults.put(prefix + "." + name, value));
        List<ConfigurationPropertySource> all = new ArrayList<>();
        sources.forEach(all::add);
        all.add(new MapConfigurationPropertySource(defaults));
        return new Binder(all, placeholders).bindOrCreate(prefix, Bindable.of(ConnectorSettings.class));
    }

    /** Binds the platform's settings from the application's environment. */
    public static ConnectorSettings bind(Platform platform, Environment environment, Map<String, String> platformDefaults) {
        return bind(platform, ConfigurationPropertySources.get(environment),
                environment instanceof ConfigurableEnvironment configurable
                        ? new PropertySourcesPlaceholdersResolver(configurable) : null, platformDefaults);
    }

    /** Settings written as relative names, e.g. {@code base-url}, {@code retry.max-attempts}: for tests and tools. */
    public static ConnectorSettings of(Platform platform, Map<String, String> settings,
                                       Map<String, String> platformDefaults) {
        Map<String, String> named = new LinkedHashMap<>();
        settings.forEach((name, value) -> named.put(prefix(platform) + "." + name, value));
        return bind(platform, List.of(new MapConfigurationPropertySource(named)), platformDefaults);
    }

    /** The prefix of the platform's settings, e.g. {@code jiyun.platforms.douyin}. */
    public static String prefix(Platform platform) {
        return "jiyun.platforms." + platform.key();
    }

    /** Refuses a window longer than the platform answers for. */
    public ConnectorSettings requireWindowAtMost(Duration longest, Platform platform) {
        if (windowLength.compareTo(longest) > 0) {
            throw new IllegalArgumentException(prefix(platform) + ".window-length may be at most " + longest
                    + ", was " + windowLength);
        }
        return this;
    }

    /**
     * Exponential back-off for one call: 5xx, timeouts, unreadable answers and throttling.
     *
     * @param maxAttempts    calls in all, the first included
     * @param initialBackoff wait after the first failure
     * @param maxBackoff     the longest wait between two attempts
     * @param multiplier     growth of the wait per attempt
     */
    public record Retry(@DefaultValue("4") int maxAttempts,
                        @DefaultValue("500ms") Duration initialBackoff,
                        @DefaultValue("10s") Duration maxBackoff,
                        @DefaultValue("2.0") double multiplier) {
        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("retry.max-attempts must be at least 1");
            }
        }

        /** The wait after {@code failures} failed attempts (1-based). */
        public Duration backoffAfter(int failures) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
            return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
        }

        /** Waits {@link #backoffAfter} failures; an interruption is a retryable failure of the platform's call. */
        public void pauseAfter(int failures, Platform platform) {
            try {
                Thread.sleep(backoffAfter(failures).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException(platform, "interrupted", "interrupted while backing off", true, e);
            }
        }
    }

    /**
     * How the sync route redelivers a shop sync that failed in a way worth repeating (the platform stayed
     * unavailable through the client's retries), before it goes to the dead letters.
     *
     * @param maxRedeliveries redeliveries before the dead letter; 0 dead-letters at once
     * @param delay           the first wait, doubled each time
     * @param maxDelay        the longest wait
     */
    public record Redelivery(@DefaultValue("2") int maxRedeliveries,
                             @DefaultValue("5s") Duration delay,
                             @DefaultValue("1m") Duration maxDelay) {
        public Redelivery {
            if (maxRedeliveries < 0) {
                throw new IllegalArgumentException("redelivery.max-redeliveries must not be negative");
            }
        }
    }
}
