package cn.jiyun.fulfillment.shops;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Locale;

/**
 * Hands a newly authorised shop to its platform connector for the backfill, once the shop is
 * committed. A platform whose connector is not configured has no sync route; its shops wait.
 */
@Component
class ShopSync {

    private static final Logger log = LoggerFactory.getLogger(ShopSync.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;

    ShopSync(CamelContext camel, ProducerTemplate producer) {
        this.camel = camel;
        this.producer = producer;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void synchronise(ShopSyncRequested shop) {
        String endpoint = "direct:" + shop.platform().name().toLowerCase(Locale.ROOT) + "-sync-shop";
        if (camel.hasEndpoint(endpoint) == null) {
            log.info("No connector configured for {}; shop {} is synchronised once one is", shop.platform(),
                    shop.platformShopId());
            return;
        }
        // the backfill may take a while: the request that registered the shop does not wait for it
        producer.asyncSendBody(endpoint, shop.platformShopId());
    }
}
