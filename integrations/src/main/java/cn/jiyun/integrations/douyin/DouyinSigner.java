package cn.jiyun.integrations.douyin;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs Douyin API calls and checks the {@code event-sign} of pushed messages, exactly as
 * README sections 1.2 and 1.9 describe. Holds the app secret, so it never prints it.
 */
public class DouyinSigner {

    private final String appKey;
    private final String appSecret;
    private final DouyinSignMethod signMethod;

    public DouyinSigner(String appKey, String appSecret, DouyinSignMethod signMethod) {
        this.appKey = Objects.requireNonNull(appKey, "appKey");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.signMethod = Objects.requireNonNull(signMethod, "signMethod");
    }

    public String appKey() {
        return appKey;
    }

    public DouyinSignMethod signMethod() {
        return signMethod;
    }

    /** The {@code sign} query parameter for a call whose body is {@code paramJson}. */
    public String sign(String method, String timestamp, String paramJson) {
        String pattern = appSecret + "app_key" + appKey + "method" + method + "param_json" + paramJson
                + "timestamp" + timestamp + "v" + "2" + appSecret;
        return switch (signMethod) {
            case HMAC_SHA256 -> hmacSha256Hex(appSecret, pattern);
            case MD5 -> md5Hex(pattern);
        };
    }

    /** The {@code event-sign} Douyin sends with a push: MD5(app_key + raw body + app_secret), lowercase hex. */
    public String eventSign(byte[] rawBody) {
        MessageDigest md5 = md5();
        md5.update(appKey.getBytes(StandardCharsets.UTF_8));
        md5.update(rawBody);
        md5.update(appSecret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5.digest());
    }

    /** True when {@code eventSign} is what Douyin would send for exactly these bytes; compared in constant time. */
    public boolean isAuthentic(byte[] rawBody, String eventSign) {
        if (eventSign == null || eventSign.isBlank()) {
            return false;
        }
        byte[] expected = eventSign(rawBody).getBytes(StandardCharsets.US_ASCII);
        byte[] given = eventSign.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static String hmacSha256Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String md5Hex(String data) {
        return HexFormat.of().formatHex(md5().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "DouyinSigner[" + signMethod + "]";
    }
}
