package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.integrations.Platform;

/** A shop as the API shows it: {@code id} is Jiyun's, {@code shopId} the platform's. */
public record ShopView(Long id, Platform platform, String shopId, String name, Long sellerUserId) {

    static ShopView of(Shop shop) {
        return new ShopView(shop.id(), shop.platform(), shop.platformShopId(), shop.name(), shop.sellerUserId());
    }
}
