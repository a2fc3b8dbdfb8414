package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.SandboxCatalogue.Shop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens the sandbox's platforms have issued, with the lifetimes the real ones have (README
 * 1.3, 2.3, 3.1). A shop's catalogue tokens count as issued when the sandbox starts.
 */
final class SandboxTokens {

    /** What a platform finds when it looks a token up. */
    sealed interface Lookup {
        record Valid(String shopId) implements Lookup {
        }

        record Expired() implements Lookup {
        }

        record Unknown() implements Lookup {
        }
    }

    /** Tokens issued for a refresh. */
    record Grant(String shopId, String accessToken, Duration accessLifetime, String refreshToken,
                 Duration refreshLifetime) {
    }

    private record Issued(Platform platform, String shopId, Instant expiresAt) {
    }

    /** Douyin's code lives 10 minutes (README 1.3), Kuaishou's 2 (README 2.3); both are single use. */
    static final Duration DOUYIN_CODE = Duration.ofMinutes(10);
    static final Duration KUAISHOU_CODE = Duration.ofMinutes(2);

    private final Map<String, Issued> codes = new ConcurrentHashMap<>();

    static final Duration DOUYIN_ACCESS = Duration.ofDays(7);
    static final Duration DOUYIN_REFRESH = Duration.ofDays(14);
    static final Duration KUAISHOU_ACCESS = Duration.ofHours(48);
    static final Duration KUAISHOU_REFRESH = Duration.ofDays(180);
    static final Duration WECHAT_ACCESS = Duration.ofSeconds(7200);
    /** Kuaishou: "the old refresh token dies within 5 min"; Douyin is treated alike. */
    static final Duration OLD_REFRESH_TOKEN_GRACE = Duration.ofMinutes(5);
    /** WeChat's stable_token hands out a new token in the last five minutes of the old one. */
    static final Duration WECHAT_PRE_ROTATION = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Issued> refreshTokens = new ConcurrentHashMap<>();
    private String wechatShopOfApp;
    /** The current token of each WeChat app: the connector's ("") and the shops' own. */
    private final Map<String, String> wechatAppTokens = new ConcurrentHashMap<>();

    SandboxTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * Accepts the catalogue's tokens from now on. WeChat shop tokens never expire here: the connector
     * falls back to the app token otherwise, and the app token can only stand for one shop.
     */
    synchronized void register(SandboxCatalogue catalogue) {
        Instant now = clock.instant();
        for (Shop shop : catalogue.shops()) {
            switch (shop.platform()) {
                case DOUYIN -> {
                    accessTokens.put(key(shop.platform(), shop.accessToken()),
                            new Issued(shop.platform(), shop.shopId(), now.plus(DOUYIN_ACCESS)));
                    refresh(shop, now.plus(DOUYIN_REFRESH));
                }
                case KUAISHOU -> {
                    accessTokens.put(key(shop.platform(), shop.accessToken()),
                            new Issued(shop.platform(), shop.shopId(), now.plus(KUAISHOU_ACCESS)));
                    refresh(shop, now.plus(KUAISHOU_REFRESH));
                }
                case WECHAT -> {
                    if (!shop.accessToken().isBlank()) {
                        accessTokens.put(key(shop.platform(), shop.accessToken()),
                                new Issued(shop.platform(), shop.shopId(), Instant.MAX));
                    }
                    if (wechatShopOfApp == null) {
                        wechatShopOfApp = shop.shopId();
                    }
                }
                default -> throw new IllegalArgumentException("no sandbox for " + shop.platform());
            }
        }
    }

    Lookup lookUp(Platform platform, String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return new Lookup.Unknown();
        }
        Issued issued = accessTokens.get(key(platform, accessToken));
        if (issued == null) {
            return new Lookup.Unknown();
        }
        return clock.instant().isBefore(issued.expiresAt()) ? new Lookup.Valid(issued.shopId()) : new Lookup.Expired();
    }

    /** Exchanges a refresh token: new access and refresh tokens, the old refresh token dying shortly after. */
    synchronized Optional<Grant> refresh(Platform platform, String refreshToken) {
        Issued issued = refreshToken == null ? null : refreshTokens.get(key(platform, refreshToken));
        Instant now = clock.instant();
        if (issued == null || !now.isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        Duration accessLifetime = platform == Platform.DOUYIN ? DOUYIN_ACCESS : KUAISHOU_ACCESS;
        // Kuaishou's new refresh token inherits the old one's expiry; Douyin's starts afresh
        Instant refreshExpiry = platform == Platform.DOUYIN ? now.plus(DOUYIN_REFRESH) : issued.expiresAt();
        String access = newToken(platform);
        String refresh = newToken(platform);
        accessTokens.put(key(platform, access), new Issued(platform, issued.shopId(), now.plus(accessLifetime)));
        refreshTokens.put(key(platform, refresh), new Issued(platform, issued.shopId(), refreshExpiry));
        Instant oldDies = now.plus(OLD_REFRESH_TOKEN_GRACE);
        if (oldDies.isBefore(issued.expiresAt())) {
            refreshTokens.put(key(platform, refreshToken), new Issued(platform, issued.shopId(), oldDies));
        }
        return Optional.of(new Grant(issued.shopId(), access, accessLifetime, refresh,
                Duration.between(now, refreshExpiry)));
    }

    /** An authorisation code for the shop, as the authorise page hands it out when the seller agrees. */
    synchronized String issueCode(Platform platform, String shopId) {
        String code = UUID.randomUUID().toString().replace("-", "");
        Duration life = platform == Platform.DOUYIN ? DOUYIN_CODE : KUAISHOU_CODE;
        codes.put(key(platform, code), new Issued(platform, shopId, clock.instant().plus(life)));
        return code;
    }

    /** Spends a code: new tokens for its shop, or empty when the code is unknown, used or expired. */
    synchronized Optional<Grant> exchangeCode(Platform platform, String code) {
        Issued issued = code == null ? null : codes.remove(key(platform, code));
        Instant now = clock.instant();
        if (issued == null || !now.isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        Duration accessLifetime = platform == Platform.DOUYIN ? DOUYIN_ACCESS : KUAISHOU_ACCESS;
        Duration refreshLifetime = platform == Platform.DOUYIN ? DOUYIN_REFRESH : KUAISHOU_REFRESH;
        String access = newToken(platform);
        String refresh = newToken(platform);
        accessTokens.put(key(platform, access), new Issued(platform, issued.shopId(), now.plus(accessLifetime)));
        refreshTokens.put(key(platform, refresh), new Issued(platform, issued.shopId(), now.plus(refreshLifetime)));
        return Optional.of(new Grant(issued.shopId(), access, accessLifetime, refresh, refreshLifetime));
    }

    /**
     * WeChat's {@code stable_token}: the same token while it lives, a new one in its last minutes or
     * when forced. It stands for the first WeChat shop of the catalogue, the shop of the app.
     */
    synchronized Grant wechatAppToken(boolean forceRefresh) {
        return wechatToken("", wechatShopOfApp, forceRefresh);
    }

    /** {@code stable_token} of a shop's own self-built app, alike; the token stands for that shop. */
    synchronized Grant wechatShopAppToken(String shopId, boolean forceRefresh) {
        return wechatToken("shop:" + shopId, shopId, forceRefresh);
    }

    private Grant wechatToken(String app, String shopId, boolean forceRefresh) {
        Instant now = clock.instant();
        String token = wechatAppTokens.get(app);
        Issued current = token == null ? null : accessTokens.get(key(Platform.WECHAT, token));
        boolean renew = forceRefresh || current == null
                || !now.isBefore(current.expiresAt().minus(WECHAT_PRE_ROTATION));
        if (renew) {
            if (forceRefresh && token != null) {
                accessTokens.remove(key(Platform.WECHAT, token));
            }
            token = newToken(Platform.WECHAT);
            wechatAppTokens.put(app, token);
            current = new Issued(Platform.WECHAT, shopId, now.plus(WECHAT_ACCESS));
            accessTokens.put(key(Platform.WECHAT, token), current);
        }
        return new Grant(shopId, token, Duration.between(now, current.expiresAt()), "", Duration.ZERO);
    }

    private void refresh(Shop shop, Instant expiresAt) {
        if (!shop.refreshToken().isBlank()) {
            refreshTokens.put(key(shop.platform(), shop.refreshToken()),
                    new Issued(shop.platform(), shop.shopId(), expiresAt));
        }
    }

    private static String newToken(Platform platform) {
        String random = UUID.randomUUID().toString();
        return switch (platform) {
            case KUAISHOU -> "ChFvYXV0aC5zYW5kYm94" + random.replace("-", "");
            case WECHAT -> "sandbox_" + random.replace("-", "").toUpperCase(java.util.Locale.ROOT);
            default -> random;
        };
    }

    private static String key(Platform platform, String token) {
        return platform + ":" + token;
    }
}
