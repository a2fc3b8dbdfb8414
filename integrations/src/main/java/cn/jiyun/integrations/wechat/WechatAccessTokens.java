package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.TokenGrant;
import cn.jiyun.integrations.wechat.WechatApiMessages.StableTokenResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The access token each shop's calls carry. WeChat has no per-shop refresh token: a shop's token comes from
 * {@code stable_token} with the shop's own app (the appid and AppSecret its owner gave, a self-built app per
 * shop), or, for a shop registered before shops had their own, with the connector's app
 * ({@code jiyun.platforms.wechat.app-id} / {@code app-secret}). An app's token is kept until shortly before it
 * expires, and every token newly handed to a shop is stored through {@link ShopAccounts#tokensRefreshed} before
 * it is used.
 */
class WechatAccessTokens {

    /** Asks {@code stable_token} for this app; {@code forceRefresh} rotates the token (limited to 20 a day). */
    @FunctionalInterface
    interface StableTokenSource {
        StableTokenResponse fetch(AppCredentials app, boolean forceRefresh);
    }

    private record Issued(String appId, String token, Instant expiresAt) {
        boolean freshAt(Instant now, Duration margin) {
            return expiresAt.isAfter(now.plus(margin));
        }
    }

    private final StableTokenSource source;
    private final ShopAccounts shops;
    private final Clock clock;
    private final Duration margin;
    private final Optional<AppCredentials> connectorApp;
    private final Map<String, Issued> issuedToShop = new ConcurrentHashMap<>();
    /** The latest token of each app, by appid. */
    private final Map<String, Issued> appTokens = new HashMap<>();

    WechatAccessTokens(StableTokenSource source, ShopAccounts shops, Clock clock, Duration margin,
                       Optional<AppCredentials> connectorApp) {
        this.source = source;
        this.shops = shops;
        this.clock = clock;
        this.margin = margin;
        this.connectorApp = connectorApp.filter(AppCredentials::complete);
    }

    /** The token to call with for this shop. */
    String tokenFor(ShopAccount shop) {
        Instant now = clock.instant();
        Issued issued = issuedToShop.get(shop.shopId());
        // a token of the app the shop had before it was re-authorised with another one no longer serves
        if (issued != null && issued.freshAt(now, margin) && app(shop).map(AppCredentials::appId)
                .filter(issued.appId()::equals).isPresent()) {
            return issued.token();
        }
        if (!shop.accessToken().isBlank() && !shop.tokenExpiresWithin(margin, now)) {
            return shop.accessToken();
        }
        return handToShop(shop, revokedWhenRefused(shop, () -> currentAppToken(appOf(shop))));
    }

    /** WeChat refused {@code refused}: get the app's latest token, store it for the shop, and return it. */
    String renew(ShopAccount shop, String refused) {
        return handToShop(shop, revokedWhenRefused(shop, () -> appTokenOtherThan(appOf(shop), refused)));
    }

    /**
     * WeChat refusing a shop's own app (its owner reset the AppSecret, say) takes the shop's authorisation: only
     * its owner can give the new secret. A refusal of the connector's app is the configuration's, not the shop's.
     */
    private Issued revokedWhenRefused(ShopAccount shop, Supplier<Issued> token) {
        try {
            return token.get();
        } catch (PlatformException e) {
            if (shop.ownApp().isEmpty() || !WechatApiClient.CREDENTIALS_REFUSED.contains(e.platformCode())) {
                throw e;
            }
            String reason = "WeChat refused the shop's app credentials: " + e.getMessage();
            shops.authorisationRevoked(Platform.WECHAT, shop.shopId(), reason);
            throw new AuthorisationRevokedException(Platform.WECHAT, shop.shopId(), e.platformCode(), reason);
        }
    }

    /**
     * The app whose token serves the shop: its own, else the connector's. A shop with neither cannot be called
     * for until its owner gives its app's credentials, so it is marked for re-authorisation.
     */
    private AppCredentials appOf(ShopAccount shop) {
        Optional<AppCredentials> app = app(shop);
        if (app.isEmpty()) {
            String reason = "WeChat shop " + shop.shopId() + " has no app credentials: authorise it with its "
                    + "self-built app's appid and AppSecret";
            shops.authorisationRevoked(Platform.WECHAT, shop.shopId(), reason);
            throw new AuthorisationRevokedException(Platform.WECHAT, shop.shopId(), "no-app", reason);
        }
        return app.get();
    }

    private Optional<AppCredentials> app(ShopAccount shop) {
        return shop.ownApp().filter(AppCredentials::complete).or(() -> connectorApp);
    }

    private synchronized Issued currentAppToken(AppCredentials app) {
        Issued current = appTokens.get(app.appId());
        if (current == null || !current.freshAt(clock.instant(), margin)) {
            current = fetch(app, false);
            appTokens.put(app.appId(), current);
        }
        return current;
    }

    private synchronized Issued appTokenOtherThan(AppCredentials app, String refused) {
        Issued current = appTokens.get(app.appId());
        if (current != null && !current.token().equals(refused) && current.freshAt(clock.instant(), margin)) {
            return current; // another call renewed it meanwhile
        }
        Issued latest = fetch(app, false);
        if (latest.token().equals(refused)) {
            // Normal mode hands back the token WeChat just refused: only a forced refresh replaces it.
            latest = fetch(app, true);
        }
        appTokens.put(app.appId(), latest);
        return latest;
    }

    private Issued fetch(AppCredentials app, boolean force) {
        StableTokenResponse grant = source.fetch(app, force);
        return new Issued(app.appId(), grant.accessToken(), clock.instant().plusSeconds(grant.expiresIn()));
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
