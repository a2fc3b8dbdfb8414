package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.sync.PushRefusedException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * WeChat's message-push crypto (README 3.6): the SHA1 {@code signature}/{@code msg_signature} over the
 * sorted strings, and the AES-256-CBC envelope of 16 random bytes, a 4-byte length, the message and the
 * app id. WeChat signs nothing else, so this is the connector's only signer.
 */
public final class WechatMessageCrypto {

    private static final int PKCS7_BLOCK = 32;
    private static final int RANDOM_PREFIX = 16;

    private final String token;
    private final String appId;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final SecureRandom random = new SecureRandom();

    public WechatMessageCrypto(String token, String encodingAesKey, String appId) {
        this.token = Objects.requireNonNull(token, "token");
        this.appId = Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        byte[] aesKey;
        try {
            aesKey = encodingAesKey.length() == 43 ? Base64.getDecoder().decode(encodingAesKey + "=") : new byte[0];
        } catch (IllegalArgumentException e) {
            aesKey = new byte[0];
        }
        if (aesKey.length != 32) {
            throw new IllegalArgumentException("encoding-aes-key must be the 43 Base64 characters of a 32-byte key");
        }
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, 16));
    }

    /** {@code sha1(concat(sort(parts)))} in lower-case hex: the URL check signs three parts, events four. */
    public static String sha1OfSorted(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /** The {@code signature} of the URL-verification GET. */
    public String urlSignature(String timestamp, String nonce) {
        return sha1OfSorted(token, timestamp, nonce);
    }

    /** The {@code msg_signature} of an event POST. */
    public String messageSignature(String timestamp, String nonce, String encrypted) {
        return sha1OfSorted(token, timestamp, nonce, encrypted);
    }

    public boolean verifyUrl(String signature, String timestamp, String nonce) {
        return signature != null && timestamp != null && nonce != null
                && constantTimeEquals(signature, urlSignature(timestamp, nonce));
    }

    public boolean verifyMessage(String msgSignature, String timestamp, String nonce, String encrypted) {
        return msgSignature != null && timestamp != null && nonce != null && encrypted != null
                && constantTimeEquals(msgSignature, messageSignature(timestamp, nonce, encrypted));
    }

    /**
     * Opens an {@code Encrypt} value and returns the message, checking that it was sealed for our app id.
     *
     * @throws PushRefusedException when it does not decrypt or was meant for another app
     */
    public String decrypt(String encrypted) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PushRefusedException("message does not decrypt with the configured encoding-aes-key");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > PKCS7_BLOCK || pad > plain.length) {
            pad = 0;
        }
        byte[] unpadded = Arrays.copyOf(plain, plain.length - pad);
        if (unpadded.length < RANDOM_PREFIX + 4) {
            throw new PushRefusedException("decrypted message is too short");
        }
        int length = ByteBuffer.wrap(unpadded, RANDOM_PREFIX, 4).getInt();
        int messageEnd = RANDOM_PREFIX + 4 + length;
        if (length < 0 || messageEnd > unpadded.length) {
            throw new PushRefusedException("decrypted message length " + length + " does not fit");
        }
        String receivedAppId = new String(unpadded, messageEnd, unpadded.length - messageEnd, StandardCharsets.UTF_8);
        if (!appId.equals(receivedAppId)) {
            throw new PushRefusedException("message was sealed for app id " + receivedAppId + ", not ours");
        }
        return new String(unpadded, RANDOM_PREFIX + 4, length, StandardCharsets.UTF_8);
    }

    /** Seals a message as WeChat does, with a fresh random prefix. */
    public String encrypt(String message) {
        byte[] prefix = new byte[RANDOM_PREFIX];
        random.nextBytes(prefix);
        return encrypt(prefix, message);
    }

    /** Seals a message with a given 16-byte prefix; deterministic, for checking against the README vector. */
    String encrypt(byte[] randomPrefix, String message) {
        if (randomPrefix.length != RANDOM_PREFIX) {
            throw new IllegalArgumentException("random prefix must be 16 bytes");
        }
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int unpadded = RANDOM_PREFIX + 4 + body.length + app.length;
        int pad = PKCS7_BLOCK - unpadded % PKCS7_BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(randomPrefix).putInt(body.length).put(body).put(app);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is available on every JVM since 8u161", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.toLowerCase().getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "WechatMessageCrypto[appId=" + appId + "]";
    }
}
