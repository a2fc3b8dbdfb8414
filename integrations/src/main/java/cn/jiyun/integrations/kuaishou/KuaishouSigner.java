package cn.jiyun.integrations.kuaishou;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Signs Kuaishou API requests with the app's sign secret (not the app secret), as the platform's
 * "API调用说明" specifies: sorted {@code key=value} pairs of the public parameters, then
 * {@code &signSecret=…}; MD5 as lowercase hex, HMAC-SHA256 as standard Base64.
 */
public final class KuaishouSigner {

    /** The two algorithms Kuaishou accepts, spelled as the {@code signMethod} parameter spells them. */
    public enum SignMethod {
        MD5, HMAC_SHA256
    }

    /** Only these parameters take part in the signature; {@code sign} itself never does. */
    static final Set<String> SIGNED_KEYS = Set.of(
            "access_token", "appkey", "method", "param", "signMethod", "timestamp", "version");

    private final String signSecret;

    public KuaishouSigner(String signSecret) {
        this.signSecret = Objects.requireNonNull(signSecret, "signSecret");
    }

    /**
     * The {@code sign} value for these request parameters; {@code signMethod} is read from them.
     * Values must be the raw strings that will be sent (sign first, URL-encode afterwards).
     */
    public String sign(Map<String, String> parameters) {
        String method = parameters.get("signMethod");
        SignMethod signMethod = method == null ? SignMethod.MD5 : SignMethod.valueOf(method);
        byte[] text = stringToSign(parameters).getBytes(StandardCharsets.UTF_8);
        try {
            return switch (signMethod) {
                case MD5 -> HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text));
                case HMAC_SHA256 -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(signSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    yield Base64.getEncoder().encodeToString(mac.doFinal(text));
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + signMethod, e);
        }
    }

    /** The exact string that is hashed; package-visible so tests can compare it with the documented one. */
    String stringToSign(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parameters).forEach((key, value) -> {
            if (SIGNED_KEYS.contains(key) && value != null) {
                text.append(key).append('=').append(value).append('&');
            }
        });
        return text.append("signSecret=").append(signSecret).toString();
    }

    @Override
    public String toString() {
        return "KuaishouSigner[secret hidden]";
    }
}
