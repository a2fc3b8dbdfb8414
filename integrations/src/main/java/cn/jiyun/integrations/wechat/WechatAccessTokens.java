package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.TokenGrant;
import cn.jiyun.integrations.wechat.WechatApiMessages.StableTokenResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access token each shop's calls carry. WeChat has no per-shop refresh token: the app's own token from
 * {@code stable_token} serves every shop whose account holds none (or an expiring one). A token is kept
 * until shortly before it expires, and every token newly handed to a shop is stored through
 * {@link ShopAccounts#tokensRefreshed} before it is used.
 */
class WechatAccessTokens {

    /** Asks {@code stable_token}; {@code forceRefresh} rotates the token (limited to 20 a day). */
    @FunctionalInterface
    interface StableTokenSource {
        StableTokenResponse fetch(boolean forceRefresh);
    }

    private record Issued(String token, Instant expiresAt) {
        boolean freshAt(Instant now, Duration margin) {
            return expiresAt.isAfter(now.plus(margin));
        }
    }

    private final StableTokenSource source;
    private final ShopAccounts shops;
    private final Clock clock;
    private final Duration margin;
    private final Map<String, Issued> issuedToShop = new ConcurrentHashMap<>();
    private Issued appToken;

    WechatAccessTokens(StableTokenSource source, ShopAccounts shops, Clock clock, Duration margin) {
        this.source = source;
        this.shops = shops;
        this.clock = clock;
        this.margin = margin;
    }

    /** The token to call with for this shop. */
    String tokenFor(ShopAccount shop) {
        Instant now = clock.instant();
        Issued issued = issuedToShop.get(shop.shopId());
        if (issued != null && issued.freshAt(now, margin)) {
            return issued.token();
        }
        if (!shop.accessToken().isBlank() && !shop.tokenExpiresWithin(margin, now)) {
            return shop.accessToken();
        }
        return handToShop(shop, currentAppToken());
    }

    /** WeChat refused {@code refused}: get the app's latest token, store it for the shop, and return it. */
    String renew(ShopAccount shop, String refused) {
        return handToShop(shop, appTokenOtherThan(refused));
    }

    private synchronized Issued currentAppToken() {
        if (appToken == null || !appToken.freshAt(clock.instant(), margin)) {
            appToken = fetch(false);
        }
        return appToken;
    }

    private synchronized Issued appTokenOtherThan(String refused) {
        if (appToken != null && !appToken.token().equals(refused) && appToken.freshAt(clock.instant(), margin)) {
            return appToken; // another call renewed it meanwhile
        }
        Issued latest = fetch(false);
        if (latest.token().equals(refused)) {
            // Normal mode hands back the token WeChat just refused: only a forced refresh replaces it.
            latest = fetch(true);
        }
        appToken = latest;
        return latest;
    }

    private Issued fetch(boolean force) {
        StableTokenResponse grant = source.fetch(force);
        return new Issued(grant.accessToken(), clock.instant().plusSeconds(grant.expiresIn()));
    }

    private String handToShop(ShopAccount shop, Issued token) {
        Issued known = issuedToShop.get(shop.shopId());
        boolean alreadyStored = (known != null && known.equals(token))
                || (known == null && token.token().equals(shop.accessToken())
                && token.expiresAt().equals(shop.accessTokenExpiresAt()));
        if (!alreadyStored) {
            shops.tokensRefreshed(Platform.WECHAT, shop.shopId(),
                    new TokenGrant(token.token(), "", token.expiresAt(), null));
        }
        issuedToShop.put(shop.shopId(), token);
        return token.token();
    }

    @Override
    public String toString() {
        return "WechatAccessTokens[" + issuedToShop.size() + " shops]";
    }
}
