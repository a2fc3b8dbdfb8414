package cn.jiyun.fulfillment.shops;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a newly authorised shop to its platform connector for the backfill, once the shop is
 * committed. A platform whose connector is not configured has no sync; its shops wait.
 */
@Component
class ShopSync {

    private static final Logger log = LoggerFactory.getLogger(ShopSync.class);

    private final Map<Platform, PlatformSync> platforms = new EnumMap<>(Platform.class);

    ShopSync(List<PlatformSync> platforms) {
        platforms.forEach(sync -> this.platforms.put(sync.platform(), sync));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void synchronise(ShopSyncRequested shop) {
        PlatformSync sync = platforms.get(shop.platform());
        if (sync == null) {
            log.info("No connector configured for {}; shop {} is synchronised once one is", shop.platform(),
                    shop.platformShopId());
            return;
        }
        // the backfill may take a while: the request that registered the shop does not wait for it
        sync.synchronise(shop.platformShopId());
    }
}
