package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.integrations.Platform;

import java.time.Instant;

/**
 * A shop as the API shows it: {@code id} is Jiyun's, {@code shopId} the platform's. Whether Jiyun
 * may still act for it, and how far its orders are synchronised; never its tokens.
 */
public record ShopView(Long id, Platform platform, String shopId, String name, Long sellerUserId,
                       Shop.Authorisation authorisation, String authorisationProblem, Instant accessTokenExpiresAt,
                       Instant syncedUpTo, Instant lastSyncedAt) {

    static ShopView of(Shop shop) {
        return new ShopView(shop.id(), shop.platform(), shop.platformShopId(), shop.name(), shop.sellerUserId(),
                shop.authorisation(), shop.authorisationProblem(), shop.accessTokenExpiresAt(), shop.syncCursor(),
                shop.lastSyncedAt());
    }
}
