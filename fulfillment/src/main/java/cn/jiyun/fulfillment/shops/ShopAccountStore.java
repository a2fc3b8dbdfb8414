package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.TokenGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The shops as the platform connectors see them: decrypted tokens and sync cursors. Every change
 * commits on its own (a rotated refresh token must be stored before it is used, whatever happens
 * to the surrounding work).
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class ShopAccountStore implements ShopAccounts {

    private static final Logger log = LoggerFactory.getLogger(ShopAccountStore.class);

    private final Shops shops;
    private final TokenCipher cipher;
    private final Clock clock;
    private final CooperativeService cooperatives;

    ShopAccountStore(Shops shops, TokenCipher cipher, Clock clock, CooperativeService cooperatives) {
        this.shops = shops;
        this.cipher = cipher;
        this.clock = clock;
        this.cooperatives = cooperatives;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public List<ShopAccount> activeShops(Platform platform) {
        // a suspended cooperative's shops keep their tokens and cursors, and catch up once it is resumed
        Set<Long> suspended = cooperatives.suspendedIds();
        return shops.findByPlatformAndAuthorisation(platform, Shop.Authorisation.ACTIVE).stream()
                .filter(shop -> !suspended.contains(shop.cooperativeId()))
                .map(this::account).toList();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<ShopAccount> find(Platform platform, String shopId) {
        return shops.findByPlatformAndPlatformShopId(platform, shopId).map(this::account);
    }

    @Override
    public void tokensRefreshed(Platform platform, String shopId, TokenGrant grant) {
        Shop shop = shop(platform, shopId);
        shop.authorise(cipher.encrypt(grant.accessToken()),
                grant.refreshToken().isEmpty() ? null : cipher.encrypt(grant.refreshToken()),
                grant.accessTokenExpiresAt(), grant.refreshTokenExpiresAt());
        log.info("Stored refreshed tokens of {} shop {}", platform, shopId);
    }

    @Override
    public void authorisationRevoked(Platform platform, String shopId, String reason) {
        shop(platform, shopId).authorisationRevoked(reason);
        log.warn("{} shop {} needs re-authorisation: {}", platform, shopId, reason);
    }

    @Override
    public void advanceSyncCursor(Platform platform, String shopId, Instant cursor) {
        if (shops.advanceSyncCursor(platform, shopId, cursor, clock.instant()) == 0) {
            throw new IllegalArgumentException("no " + platform + " shop " + shopId + " is registered");
        }
    }

    private Shop shop(Platform platform, String shopId) {
        return shops.findByPlatformAndPlatformShopId(platform, shopId)
                .orElseThrow(() -> new IllegalArgumentException("no " + platform + " shop " + shopId + " is registered"));
    }

    private ShopAccount account(Shop shop) {
        AppCredentials app = shop.appIdEncrypted() == null || shop.appSecretEncrypted() == null ? null
                : new AppCredentials(cipher.decrypt(shop.appIdEncrypted()), cipher.decrypt(shop.appSecretEncrypted()));
        return new ShopAccount(shop.platform(), shop.platformShopId(), cipher.decrypt(shop.accessTokenEncrypted()),
                cipher.decrypt(shop.refreshTokenEncrypted()), shop.accessTokenExpiresAt(), shop.syncCursor(), app);
    }
}
