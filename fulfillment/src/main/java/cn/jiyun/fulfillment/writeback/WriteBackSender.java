package cn.jiyun.fulfillment.writeback;

import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends due write-backs to their platforms. Each one is claimed in its own transaction (the row's
 * version makes a second sender lose the claim), sent outside any transaction, and its outcome
 * recorded; platforms that take an idempotency key get the write-back's request id.
 */
@Component
public class WriteBackSender {

    private static final Logger log = LoggerFactory.getLogger(WriteBackSender.class);
    private static final Duration NO_CONNECTOR_WAIT = Duration.ofMinutes(5);

    private final WriteBacks writeBacks;
    private final OrderService orders;
    private final ShopService shops;
    private final ShopAccounts shopAccounts;
    private final Map<Platform, PlatformConnector> connectors = new EnumMap<>(Platform.class);
    private final WriteBackProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    WriteBackSender(WriteBacks writeBacks, OrderService orders, ShopService shops, ShopAccounts shopAccounts,
                    List<PlatformConnector> connectors, WriteBackProperties properties,
                    PlatformTransactionManager transactions, Clock clock) {
        this.writeBacks = writeBacks;
        this.orders = orders;
        this.shops = shops;
        this.shopAccounts = shopAccounts;
        connectors.forEach(c -> this.connectors.put(c.platform(), c));
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jiyun.write-back.interval:10s}", initialDelayString = "${jiyun.write-back.interval:10s}")
    public void sendDue() {
        List<WriteBack> due = writeBacks.findTop50ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(
                WriteBack.Status.PENDING, clock.instant());
        for (WriteBack writeBack : due) {
            try {
                send(writeBack.id());
            } catch (RuntimeException e) {
                log.warn("Write-back {} could not be processed: {}", writeBack.id(), e.getMessage());
            }
        }
    }

    void send(Long writeBackId) {
        record Job(WriteBack writeBack, ShopAccount shop, ShipmentNotice notice) {
        }
        Optional<Job> job = Optional.ofNullable(tx.execute(status -> {
            WriteBack writeBack = writeBacks.findById(writeBackId).orElseThrow();
            if (writeBack.status() != WriteBack.Status.PENDING || writeBack.nextAttemptAt().isAfter(clock.instant())) {
                return null;
            }
            Order order = orders.byId(writeBack.orderId());
            Shop shop = shops.get(order.cooperativeId(), order.shopId());
            if (!connectors.containsKey(writeBack.platform())) {
                writeBack.postpone("no " + writeBack.platform() + " connector is configured", NO_CONNECTOR_WAIT,
                        clock.instant());
                return null;
            }
            ShopAccount account = shopAccounts.find(shop.platform(), shop.platformShopId()).orElseThrow();
            // claim it: a concurrent sender's version check fails and it moves on
            writeBack.postpone("sending", properties.firstBackOff(), clock.instant());
            return new Job(writeBack, account, new ShipmentNotice(shop.platformShopId(), order.platformOrderId(),
                    writeBack.carrier(), writeBack.waybillNumber(), writeBack.requestId()));
        }));
        if (job.isEmpty()) {
            return;
        }
        Job j = job.get();
        String error = null;
        boolean giveUp = false;
        try {
            connectors.get(j.writeBack().platform()).writeBack(j.shop(), j.notice());
        } catch (AuthorisationRevokedException revoked) {
            error = "the shop needs re-authorisation: " + revoked.getMessage();
            giveUp = true;
        } catch (PlatformException refused) {
            error = refused.getMessage();
            giveUp = !refused.retryable();
        } catch (RuntimeException unexpected) {
            error = unexpected.toString();
        }
        String failure = error;
        boolean permanent = giveUp;
        tx.executeWithoutResult(status -> {
            WriteBack writeBack = writeBacks.findById(writeBackId).orElseThrow();
            if (failure == null) {
                writeBack.done(clock.instant());
                log.info("Wrote waybill {} of order {} back to {}", writeBack.waybillNumber(), writeBack.orderId(),
                        writeBack.platform());
            } else {
                boolean last = properties.retries().givesUp(writeBack.attempts(), permanent);
                writeBack.attemptFailed(failure, last, properties.retries().backOffAfter(writeBack.attempts() + 1),
                        clock.instant());
                log.warn("Write-back {} to {} failed (attempt {}{}): {}", writeBack.id(), writeBack.platform(),
                        writeBack.attempts(), last ? ", given up" : "", failure);
            }
        });
    }
}
