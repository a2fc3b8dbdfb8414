package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.sync.PushRefusedException;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Opens Kuaishou push bodies: Base64 AES/CBC/PKCS5Padding with the app's message key and a zero
 * IV (README 2.8). Kuaishou sends no signature header; a body that decrypts with our key into
 * UTF-8 is the authenticity check.
 */
public final class KuaishouMessageCipher {

    private static final byte[] ZERO_IV = new byte[16];

    private final SecretKeySpec key;

    /** @param messageKey the Base64 key from the console (消息管理) */
    public KuaishouMessageCipher(String messageKey) {
        byte[] raw = Base64.getDecoder().decode(messageKey.trim());
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalArgumentException("jiyun.platforms.kuaishou.message-key must be a Base64 AES key");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * @throws PushRefusedException when the body is not Base64, not encrypted with our key,
     *                                    or not UTF-8 text
     */
    String decrypt(String body) {
        try {
            byte[] ciphertext = Base64.getMimeDecoder().decode(body.trim());
            if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
                throw new PushRefusedException("body is not an AES ciphertext");
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
            byte[] plain = cipher.doFinal(ciphertext);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(plain)).toString();
        } catch (IllegalArgumentException e) {
            throw new PushRefusedException("body is not Base64");
        } catch (GeneralSecurityException e) {
            throw new PushRefusedException("body does not decrypt with our message key");
        } catch (CharacterCodingException e) {
            throw new PushRefusedException("decrypted body is not UTF-8 text");
        }
    }

    /** Seals a message as Kuaishou pushes it; the sandbox pushes with it. */
    public String encrypt(String message) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
            return Base64.getEncoder().encodeToString(cipher.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/PKCS5Padding is available on every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KuaishouMessageCipher[key hidden]";
    }
}
