package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Carrier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;
import java.util.Objects;

/**
 * Douyin's own settings under {@code jiyun.platforms.douyin}; the ones every platform has are
 * {@link cn.jiyun.integrations.sync.ConnectorSettings}. The app secret is never printed.
 *
 * @param appKey       the 19-digit app key
 * @param appSecret    the app secret (signs calls and verifies pushes)
 * @param signMethod   {@code HMAC_SHA256} (default) or the older {@code MD5}
 * @param carrierCodes overrides of the built-in Douyin carrier words, e.g. {@code DEPPON: debangwuliu}
 */
@ConfigurationProperties("jiyun.platforms.douyin")
public record DouyinProperties(
        String appKey,
        String appSecret,
        @DefaultValue("HMAC_SHA256") DouyinSignMethod signMethod,
        Map<Carrier, String> carrierCodes) {

    public DouyinProperties {
        Objects.requireNonNull(appKey, "jiyun.platforms.douyin.app-key");
        Objects.requireNonNull(appSecret, "jiyun.platforms.douyin.app-secret");
        carrierCodes = carrierCodes == null ? Map.of() : Map.copyOf(carrierCodes);
    }

    @Override
    public String toString() {
        return "DouyinProperties[appKey=" + appKey + ", signMethod=" + signMethod + "]";
    }
}
