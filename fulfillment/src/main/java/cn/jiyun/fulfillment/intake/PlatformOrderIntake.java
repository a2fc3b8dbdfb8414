package cn.jiyun.fulfillment.intake;

import cn.jiyun.fulfillment.orders.DuplicateOrderException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Orders;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.Shops;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The fulfillment side of {@link OrderIntake}: each order in its own transaction, upserted on
 * (platform, shop, order id). Two deliveries of the same order racing each other end as one row:
 * the loser of the insert race retries as an update.
 */
@Component
class PlatformOrderIntake implements OrderIntake {

    private static final int ATTEMPTS = 3;

    private final Shops shops;
    private final Orders orders;
    private final OrderService orderService;
    private final DeadLetterService deadLetters;
    private final TransactionTemplate tx;
    private final Clock clock;

    PlatformOrderIntake(Shops shops, Orders orders, OrderService orderService, DeadLetterService deadLetters,
                        PlatformTransactionManager transactions, Clock clock) {
        this.shops = shops;
        this.orders = orders;
        this.orderService = orderService;
        this.deadLetters = deadLetters;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public IntakeOutcome receive(CanonicalOrder incoming) {
        Optional<Shop> shop = shops.findByPlatformAndPlatformShopId(incoming.platform(), incoming.shopId());
        if (shop.isEmpty()) {
            deadLetters.keep(new DeadLetter(incoming.platform(), incoming.shopId(), "intake", incoming.rawPayload(),
                    "order " + incoming.platformOrderId() + " names " + incoming.platform() + " shop "
                            + incoming.shopId() + ", which no cooperative has registered", clock.instant()));
            return IntakeOutcome.NEEDS_ATTENTION;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> upsert(shop.get(), incoming));
            } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException
                     | DuplicateOrderException race) {
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    private IntakeOutcome upsert(Shop shop, CanonicalOrder incoming) {
        String actor = incoming.platform().name().toLowerCase(Locale.ROOT);
        Optional<Order> stored = orders.findByPlatformAndShopIdAndPlatformOrderId(shop.platform(), shop.id(),
                incoming.platformOrderId());
        if (stored.isEmpty()) {
            Order order = orderService.place(shop, incoming, actor, false);
            orders.flush();
            return order.status() == OrderStatus.NEEDS_ATTENTION ? IntakeOutcome.NEEDS_ATTENTION : IntakeOutcome.CREATED;
        }
        Order order = stored.get();
        int newer = incoming.updatedAt().compareTo(order.platformUpdatedAt());
        if (newer < 0) {
            return IntakeOutcome.STALE;
        }
        if (newer == 0 && incoming.status().name().equals(order.platformStatus())) {
            return orderService.retryIfWaitingForMapping(order, actor) ? IntakeOutcome.UPDATED : IntakeOutcome.UNCHANGED;
        }
        OrderStatus before = order.status();
        orderService.applyPlatformUpdate(order, incoming, actor);
        orders.flush();
        return order.status() == OrderStatus.NEEDS_ATTENTION && before != OrderStatus.NEEDS_ATTENTION
                ? IntakeOutcome.NEEDS_ATTENTION : IntakeOutcome.UPDATED;
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        deadLetters.keep(letter);
    }
}
