package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.kuaishou.KuaishouSigner.SignMethod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Kuaishou connector under {@code jiyun.platforms.kuaishou}. The three secrets
 * are distinct: {@code app-secret} for OAuth only, {@code sign-secret} for request signing and
 * {@code message-key} (Base64 AES key) for webhook bodies. {@link #toString()} hides them.
 *
 * @param baseUrl            API gateway, e.g. {@code https://openapi.kwaixiaodian.com}
 * @param appKey             the app key ({@code ks…})
 * @param appSecret          the app secret, used only to refresh OAuth tokens
 * @param signSecret         the secret that signs every API request
 * @param messageKey         the Base64 AES key that decrypts webhook bodies
 * @param signMethod         {@code HMAC_SHA256} (recommended) or {@code MD5}
 * @param pollInterval       how often every active shop is polled
 * @param pollInitialDelay   how long after start-up the first poll runs
 * @param backfill           how far back a shop without a cursor is read
 * @param windowOverlap      how far before the cursor each sync starts again, for late-committed updates
 * @param maxWindow          longest update-time window per query (Kuaishou refuses more than 7 days)
 * @param pageSize           orders per page
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        time allowed for a whole response
 * @param tokenRefreshMargin refresh the access token when it expires within this margin
 * @param retry              back-off for 5xx, timeouts, unreadable bodies and throttling
 */
@ConfigurationProperties("jiyun.platforms.kuaishou")
public record KuaishouProperties(
        URI baseUrl,
        String appKey,
        String appSecret,
        String signSecret,
        String messageKey,
        @DefaultValue("HMAC_SHA256") SignMethod signMethod,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("10s") Duration pollInitialDelay,
        @DefaultValue("P3D") Duration backfill,
        @DefaultValue("5m") Duration windowOverlap,
        @DefaultValue("1d") Duration maxWindow,
        @DefaultValue("50") int pageSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("10m") Duration tokenRefreshMargin,
        @DefaultValue Retry retry) {

    /** Kuaishou answers 300004 for update-time ranges longer than this. */
    static final Duration LONGEST_RANGE_KUAISHOU_ACCEPTS = Duration.ofDays(7);

    public KuaishouProperties {
        Objects.requireNonNull(baseUrl, "jiyun.platforms.kuaishou.base-url");
        Objects.requireNonNull(appKey, "jiyun.platforms.kuaishou.app-key");
        Objects.requireNonNull(appSecret, "jiyun.platforms.kuaishou.app-secret");
        Objects.requireNonNull(signSecret, "jiyun.platforms.kuaishou.sign-secret");
        Objects.requireNonNull(messageKey, "jiyun.platforms.kuaishou.message-key");
        if (maxWindow.isZero() || maxWindow.isNegative() || maxWindow.compareTo(LONGEST_RANGE_KUAISHOU_ACCEPTS) > 0) {
            throw new IllegalArgumentException("jiyun.platforms.kuaishou.max-window must be positive and at most 7 days");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("jiyun.platforms.kuaishou.page-size must be 1..100");
        }
        if (windowOverlap.isNegative()) {
            throw new IllegalArgumentException("jiyun.platforms.kuaishou.window-overlap must not be negative");
        }
    }

    /**
     * Bounded exponential back-off.
     *
     * @param maxAttempts    attempts in all, including the first
     * @param initialBackoff pause after the first failure
     * @param maxBackoff     longest pause
     * @param multiplier     growth of the pause per attempt
     */
    public record Retry(@DefaultValue("4") int maxAttempts,
                        @DefaultValue("500ms") Duration initialBackoff,
                        @DefaultValue("10s") Duration maxBackoff,
                        @DefaultValue("2.0") double multiplier) {
        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("jiyun.platforms.kuaishou.retry.max-attempts must be at least 1");
            }
        }

        /** The pause before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
        Duration backoffAfter(int attempt) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
            return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
        }
    }

    @Override
    public String toString() {
        return "KuaishouProperties[baseUrl=" + baseUrl + ", appKey=" + appKey + ", secrets hidden, pollInterval="
                + pollInterval + ", backfill=" + backfill + ", windowOverlap=" + windowOverlap + "]";
    }
}
