package cn.jiyun.fulfillment.orders;

import java.security.SecureRandom;
import java.util.Base64;

/** Tokens for public tracking links: 192 random bits, URL-safe, so a link cannot be guessed from another. */
final class TrackingTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingTokens() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
