package cn.jiyun.fulfillment.shops;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts the platforms' shop tokens at rest with AES-256-GCM: a random 96-bit nonce per value,
 * stored as {@code v1:} + Base64(nonce ‖ ciphertext ‖ tag). A changed or foreign value fails to
 * decrypt instead of yielding a wrong token.
 */
public final class TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the token key must be 32 bytes (256 bits), was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Encrypts a token; {@code null} and empty stay as they are (nothing to protect). */
    public String encrypt(String token) {
        if (token == null || token.isEmpty()) {
            return token;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a token", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("a stored token is not in the expected encrypted form");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored token cannot be decrypted with the configured key", e);
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM]";
    }
}
