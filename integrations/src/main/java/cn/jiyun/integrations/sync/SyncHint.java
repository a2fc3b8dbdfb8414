package cn.jiyun.integrations.sync;

import java.util.List;

/**
 * A push reduced to what Jiyun does with it: synchronise the shop it concerns.
 *
 * @param messageId           the platform's message id, what re-deliveries are recognised by
 * @param shopIds             the ids the push names its shop by, most likely first (a platform may know a
 *                            shop by more than one); the first one Jiyun has registered is synchronised
 * @param everyShopIfUnknown  when none is registered: synchronise every active shop instead of
 *                            dead-lettering the hint (for a platform whose pushes name the shop in a way
 *                            Jiyun may not know it by)
 * @param message             the push as read, for the dead letter should the sync fail
 */
public record SyncHint(String messageId, List<String> shopIds, boolean everyShopIfUnknown, String message) {

    public SyncHint {
        shopIds = shopIds.stream().filter(id -> id != null && !id.isBlank()).toList();
    }

    public static SyncHint forShop(String messageId, String shopId, String message) {
        return new SyncHint(messageId, List.of(shopId), false, message);
    }
}
