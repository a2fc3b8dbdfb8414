package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.kuaishou.KuaishouSigner.SignMethod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Objects;

/**
 * Kuaishou's own settings under {@code jiyun.platforms.kuaishou}; the ones every platform has are
 * {@link cn.jiyun.integrations.sync.ConnectorSettings}. The three secrets are distinct: {@code app-secret}
 * for OAuth only, {@code sign-secret} for request signing and {@code message-key} (Base64 AES key) for
 * webhook bodies. {@link #toString()} hides them.
 *
 * @param appKey     the app key ({@code ks…})
 * @param appSecret  the app secret, used only to refresh OAuth tokens
 * @param signSecret the secret that signs every API request
 * @param messageKey the Base64 AES key that decrypts webhook bodies; without it the connector polls only and the
 *                   webhook answers that it is not configured
 * @param signMethod {@code HMAC_SHA256} (recommended) or {@code MD5}
 */
@ConfigurationProperties("jiyun.platforms.kuaishou")
public record KuaishouProperties(
        String appKey,
        String appSecret,
        String signSecret,
        String messageKey,
        @DefaultValue("HMAC_SHA256") SignMethod signMethod) {

    public KuaishouProperties {
        Objects.requireNonNull(appKey, "jiyun.platforms.kuaishou.app-key");
        Objects.requireNonNull(appSecret, "jiyun.platforms.kuaishou.app-secret");
        Objects.requireNonNull(signSecret, "jiyun.platforms.kuaishou.sign-secret");
        messageKey = messageKey == null || messageKey.isBlank() ? "" : messageKey.strip();
    }

    /** Whether pushes can be read: the message key is set. */
    public boolean receivesPushes() {
        return !messageKey.isEmpty();
    }

    @Override
    public String toString() {
        return "KuaishouProperties[appKey=" + appKey + ", signMethod=" + signMethod + ", secrets hidden]";
    }
}
