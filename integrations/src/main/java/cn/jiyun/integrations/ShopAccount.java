package cn.jiyun.integrations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A seller's shop on a platform with the authorisation Jiyun holds for it. Tokens are secrets:
 * {@link #toString()} never shows them.
 *
 * @param platform              the platform
 * @param shopId                the platform's shop id
 * @param accessToken           the current access token (WeChat: may be empty, the app token is used)
 * @param refreshToken          the refresh token, empty where the platform has none
 * @param accessTokenExpiresAt  when the access token expires; {@code null} if unknown
 * @param syncCursor            the platform update time up to which every order is stored;
 *                              {@code null} before the first sync (then the backfill window applies)
 * @param app                   the shop's own app credentials, {@code null} where the shop has none (then the
 *                              connector's app serves, where the platform has one app for all shops)
 */
public record ShopAccount(Platform platform, String shopId, String accessToken, String refreshToken,
                          Instant accessTokenExpiresAt, Instant syncCursor, AppCredentials app) {
    public ShopAccount {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(shopId, "shopId");
        accessToken = accessToken == null ? "" : accessToken;
        refreshToken = refreshToken == null ? "" : refreshToken;
    }

    /** A shop without app credentials of its own. */
    public ShopAccount(Platform platform, String shopId, String accessToken, String refreshToken,
                       Instant accessTokenExpiresAt, Instant syncCursor) {
        this(platform, shopId, accessToken, refreshToken, accessTokenExpiresAt, syncCursor, null);
    }

    public Optional<AppCredentials> ownApp() {
        return Optional.ofNullable(app);
    }

    public Optional<Instant> cursor() {
        return Optional.ofNullable(syncCursor);
    }

    /** True when the access token expires within {@code margin} of {@code now}. */
    public boolean tokenExpiresWithin(java.time.Duration margin, Instant now) {
        return accessTokenExpiresAt != null && !accessTokenExpiresAt.isAfter(now.plus(margin));
    }

    @Override
    public String toString() {
        return "ShopAccount[" + platform + "/" + shopId + "]";
    }
}
