package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Carrier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the WeChat Channels Shop connector, under {@code jiyun.platforms.wechat}. The app secret,
 * message token and encoding AES key are secrets: {@link #toString()} never shows them.
 *
 * @param baseUrl            the API gateway, {@code https://api.weixin.qq.com}
 * @param appId              the shop's app id (self-developed shop)
 * @param appSecret          the app secret, used only to get the access token from {@code stable_token}
 * @param token              the message-push Token
 * @param encodingAesKey     the message-push EncodingAESKey (43 characters)
 * @param pollInterval       how often every active shop is polled; polling is the source of truth
 * @param pollingEnabled     false stops the timer (webhook hints and direct syncs still work)
 * @param backfill           how far back a shop with no cursor is read
 * @param windowOverlap      how far each sync re-reads before the cursor, for late-committed updates
 * @param maxWindow          the longest update-time window per list call; WeChat allows 7 days
 * @param pageSize           ids per {@code order/list/get} page, at most 100
 * @param detailCalls        {@code order/get} calls in flight at once per shop sync, 1 to 10: the list gives
 *                           only ids, so each order costs a call of its own
 * @param tokenRefreshMargin an access token this close to expiry is replaced before use
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        time allowed for a whole response
 * @param retry              back-off for calls that may succeed when repeated
 * @param route              redelivery of whole syncs by the Camel routes
 * @param carrierCodes       overrides of the {@code delivery_id} per carrier (see {@link WechatCarrierCodes})
 */
@ConfigurationProperties("jiyun.platforms.wechat")
public record WechatProperties(
        URI baseUrl,
        String appId,
        String appSecret,
        String token,
        String encodingAesKey,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("true") boolean pollingEnabled,
        @DefaultValue("P3D") Duration backfill,
        @DefaultValue("10m") Duration windowOverlap,
        @DefaultValue("P7D") Duration maxWindow,
        @DefaultValue("100") int pageSize,
        @DefaultValue("4") int detailCalls,
        @DefaultValue("5m") Duration tokenRefreshMargin,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Route route,
        Map<Carrier, String> carrierCodes) {

    public WechatProperties {
        appId = appId == null ? "" : appId;
        appSecret = appSecret == null ? "" : appSecret;
        token = token == null ? "" : token;
        encodingAesKey = encodingAesKey == null ? "" : encodingAesKey;
        carrierCodes = carrierCodes == null ? Map.of() : Map.copyOf(carrierCodes);
        if (maxWindow.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("max-window may not exceed the 7 days WeChat allows per list call");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("page-size must be between 1 and 100");
        }
        if (detailCalls < 1 || detailCalls > 10) {
            throw new IllegalArgumentException("detail-calls must be between 1 and 10");
        }
    }

    /**
     * Back-off for one API call: 5xx, timeouts, unreadable bodies, "system busy" and quota-per-minute.
     *
     * @param maxAttempts    attempts in all, the first included
     * @param initialBackoff wait before the second attempt
     * @param maxBackoff     the longest wait between attempts
     * @param multiplier     growth of the wait per attempt
     */
    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
                        @DefaultValue("10s") Duration maxBackoff, @DefaultValue("2.0") double multiplier) {
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

    /**
     * Redelivery of a failed shop sync by the routes, on top of the client's own retries.
     *
     * @param maxRedeliveries  redeliveries before the dead letter
     * @param redeliveryDelay  the first wait
     * @param maxRedeliveryDelay the longest wait
     */
    public record Route(@DefaultValue("2") int maxRedeliveries, @DefaultValue("5s") Duration redeliveryDelay,
                        @DefaultValue("1m") Duration maxRedeliveryDelay) {
    }

    @Override
    public String toString() {
        return "WechatProperties[baseUrl=" + baseUrl + ", appId=" + appId + ", pollInterval=" + pollInterval
                + ", backfill=" + backfill + ", windowOverlap=" + windowOverlap + "]";
    }
}
