package cn.jiyun.integrations.testing;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.TokenGrant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Shop accounts in memory, for connector tests; records revocations and cursor moves. */
public class InMemoryShopAccounts implements ShopAccounts {

    private record Key(Platform platform, String shopId) {
    }

    private final Map<Key, ShopAccount> shops = new ConcurrentHashMap<>();
    private final Map<Key, String> revoked = new ConcurrentHashMap<>();

    public InMemoryShopAccounts add(ShopAccount shop) {
        shops.put(new Key(shop.platform(), shop.shopId()), shop);
        return this;
    }

    @Override
    public List<ShopAccount> activeShops(Platform platform) {
        return shops.values().stream()
                .filter(s -> s.platform() == platform)
                .filter(s -> !revoked.containsKey(new Key(s.platform(), s.shopId())))
                .toList();
    }

    @Override
    public Optional<ShopAccount> find(Platform platform, String shopId) {
        return Optional.ofNullable(shops.get(new Key(platform, shopId)));
    }

    @Override
    public void tokensRefreshed(Platform platform, String shopId, TokenGrant grant) {
        shops.computeIfPresent(new Key(platform, shopId), (k, s) -> new ShopAccount(platform, shopId,
                grant.accessToken(), grant.refreshToken().isEmpty() ? s.refreshToken() : grant.refreshToken(),
                grant.accessTokenExpiresAt(), s.syncCursor(), s.app()));
    }

    @Override
    public void authorisationRevoked(Platform platform, String shopId, String reason) {
        revoked.put(new Key(platform, shopId), reason);
    }

    @Override
    public void advanceSyncCursor(Platform platform, String shopId, Instant cursor) {
        shops.computeIfPresent(new Key(platform, shopId), (k, s) -> new ShopAccount(platform, shopId,
                s.accessToken(), s.refreshToken(), s.accessTokenExpiresAt(), cursor, s.app()));
    }

    public Optional<String> revocationReason(Platform platform, String shopId) {
        return Optional.ofNullable(revoked.get(new Key(platform, shopId)));
    }

    public ShopAccount shop(Platform platform, String shopId) {
        return shops.get(new Key(platform, shopId));
    }
}
