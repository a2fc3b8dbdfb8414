package cn.jiyun.integrations.kuaidi100;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Kuaidi100's settings under {@code jiyun.tracking.kuaidi100}; tracking is on once {@code base-url} is set, and
 * then the key, the salt and the callback are required. {@link #toString()} hides the key and the salt.
 *
 * @param baseUrl        where the {@code poll} subscription is served, e.g. {@code https://poll.kuaidi100.com}
 * @param key            the account's authorisation key (授权key)
 * @param salt           Jiyun's own random string that Kuaidi100 signs every push with
 * @param callbackUrl    Jiyun's public push callback, e.g. {@code https://jiyun.example.cn/webhooks/kuaidi100}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for an answer
 */
@ConfigurationProperties("jiyun.tracking.kuaidi100")
public record Kuaidi100Properties(
        URI baseUrl,
        String key,
        String salt,
        URI callbackUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public Kuaidi100Properties {
        if (baseUrl == null) {
            throw new IllegalArgumentException("jiyun.tracking.kuaidi100.base-url is required to follow parcels "
                    + "through Kuaidi100, e.g. https://poll.kuaidi100.com");
        }
        key = required(key, "jiyun.tracking.kuaidi100.key is required when jiyun.tracking.kuaidi100.base-url is "
                + "set: it is the account's authorisation key (授权key) that Kuaidi100 knows Jiyun by");
        salt = required(salt, "jiyun.tracking.kuaidi100.salt is required when jiyun.tracking.kuaidi100.base-url is "
                + "set: without it Kuaidi100 signs no push, and Jiyun would take anyone's word for a parcel's journey");
        if (callbackUrl == null) {
            throw new IllegalArgumentException("jiyun.tracking.kuaidi100.callback-url is required when "
                    + "jiyun.tracking.kuaidi100.base-url is set: it is where Kuaidi100 pushes the scans, "
                    + "e.g. https://jiyun.example.cn/webhooks/kuaidi100");
        }
    }

    private static String required(String value, String sentence) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(sentence);
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "Kuaidi100Properties[baseUrl=" + baseUrl + ", callbackUrl=" + callbackUrl + ", key and salt hidden]";
    }
}
