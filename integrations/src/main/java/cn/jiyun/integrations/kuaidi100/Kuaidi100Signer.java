package cn.jiyun.integrations.kuaidi100;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Kuaidi100's push signature: MD5 of the {@code param} text followed by the salt, in upper-case hex. */
public final class Kuaidi100Signer {

    private final String salt;

    public Kuaidi100Signer(String salt) {
        this.salt = salt;
    }

    public String sign(String param) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((param + salt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /** Whether {@code sign} is the signature of {@code param}, compared in constant time. */
    public boolean verifies(String param, String sign) {
        if (param == null || sign == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(param).getBytes(StandardCharsets.US_ASCII),
                sign.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
