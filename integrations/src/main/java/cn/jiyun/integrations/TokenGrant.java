package cn.jiyun.integrations;

import java.time.Instant;
import java.util.Objects;

/**
 * Tokens a platform issued on refresh. Kuaishou rotates the refresh token, so both are kept.
 * {@link #toString()} never shows them.
 */
public record TokenGrant(String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                         Instant refreshTokenExpiresAt) {
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? "" : refreshToken;
    }

    @Override
    public String toString() {
        return "TokenGrant[expires " + accessTokenExpiresAt + "]";
    }
}
