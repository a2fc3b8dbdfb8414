package cn.jiyun.fulfillment.shops;

import cn.jiyun.integrations.Platform;

/** A shop should be synchronised now: it was registered or re-authorised, or a person asked. */
public record ShopSyncRequested(Platform platform, String platformShopId) {
}
