package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Carrier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the Douyin connector, under {@code jiyun.platforms.douyin}. The app secret is
 * never printed.
 *
 * @param baseUrl            the open-platform gateway, e.g. {@code https://openapi-fxg.jinritemai.com}
 * @param appKey             the 19-digit app key
 * @param appSecret          the app secret (signs calls and verifies pushes)
 * @param signMethod         {@code hmac-sha256} (default) or the older {@code md5}
 * @param pollInterval       how often every active shop is polled
 * @param pollInitialDelay   how long after start-up the first poll runs
 * @param backfill           how far back a shop without a cursor is read
 * @param windowOverlap      how far before the cursor each sync starts again, for late-committed updates
 * @param windowLength       the longest {@code update_time} window one search covers
 * @param pageSize           orders per page, at most 100
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        how long one call may take to answer
 * @param tokenRefreshMargin refresh the access token before use when it expires within this
 * @param retry              back-off for failures worth repeating
 * @param routeRedeliveries  how often a Camel route redelivers a failed sync before dead-lettering it
 * @param carrierCodes       overrides of the built-in Douyin carrier words, e.g. {@code DEPPON: debangwuliu}
 */
@ConfigurationProperties("jiyun.platforms.douyin")
public record DouyinProperties(
        URI baseUrl,
        String appKey,
        String appSecret,
        @DefaultValue("HMAC_SHA256") DouyinSignMethod signMethod,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("5s") Duration pollInitialDelay,
        @DefaultValue("P3D") Duration backfill,
        @DefaultValue("10m") Duration windowOverlap,
        @DefaultValue("1h") Duration windowLength,
        @DefaultValue("100") int pageSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("10m") Duration tokenRefreshMargin,
        @DefaultValue Retry retry,
        @DefaultValue("2") int routeRedeliveries,
        Map<Carrier, String> carrierCodes) {

    public DouyinProperties {
        Objects.requireNonNull(baseUrl, "jiyun.platforms.douyin.base-url");
        Objects.requireNonNull(appKey, "jiyun.platforms.douyin.app-key");
        Objects.requireNonNull(appSecret, "jiyun.platforms.douyin.app-secret");
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("jiyun.platforms.douyin.page-size must be 1..100, was " + pageSize);
        }
        if (windowLength.isNegative() || windowLength.isZero()) {
            throw new IllegalArgumentException("jiyun.platforms.douyin.window-length must be positive");
        }
        carrierCodes = carrierCodes == null ? Map.of() : Map.copyOf(carrierCodes);
    }

    /**
     * Exponential back-off for 5xx, timeouts, unreadable answers and throttling.
     *
     * @param maxAttempts    calls in all, the first included
     * @param initialBackoff wait before the second attempt
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

        Duration backoffBefore(int attempt) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
            return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
        }
    }

    @Override
    public String toString() {
        return "DouyinProperties[baseUrl=" + baseUrl + ", appKey=" + appKey + ", signMethod=" + signMethod
                + ", pollInterval=" + pollInterval + ", backfill=" + backfill + ", windowOverlap=" + windowOverlap
                + ", windowLength=" + windowLength + ", pageSize=" + pageSize + ", retry=" + retry + "]";
    }
}
