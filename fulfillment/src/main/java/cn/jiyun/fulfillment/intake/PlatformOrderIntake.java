package cn.jiyun.fulfillment.intake;

import cn.jiyun.fulfillment.orders.DuplicateOrderException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.SkuMapping;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fulfillment side of {@link OrderIntake}: orders upserted on (platform, shop, order id), one
 * order or one page of orders per transaction. Two deliveries of the same order racing each other
 * end as one row: the loser of the insert race retries as an update.
 */
@Component
class PlatformOrderIntake implements OrderIntake {

    private static final Logger log = LoggerFactory.getLogger(PlatformOrderIntake.class);
    private static final int ATTEMPTS = 3;

    private final ShopService shops;
    private final OrderService orderService;
    private final DeadLetterService deadLetters;
    private final TransactionTemplate tx;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entities;

    PlatformOrderIntake(ShopService shops, OrderService orderService, DeadLetterService deadLetters,
                        PlatformTransactionManager transactions, Clock clock) {
        this.shops = shops;
        this.orderService = orderService;
        this.deadLetters = deadLetters;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public IntakeOutcome receive(CanonicalOrder incoming) {
        for (int attempt = 1; ; attempt++) {
            try {
                // the shop is read in the order's transaction: in one of its own it took a sixth of each order's time
                Optional<IntakeOutcome> outcome = tx.execute(status -> shops
                        .onPlatform(incoming.platform(), incoming.shopId())
                        .map(shop -> upsert(shop, incoming)));
                if (outcome.isPresent()) {
                    return outcome.get();
                }
                deadLetters.keep(new DeadLetter(incoming.platform(), incoming.shopId(), "intake", incoming.rawPayload(),
                        "order " + incoming.platformOrderId() + " names " + incoming.platform() + " shop "
                                + incoming.shopId() + ", which no cooperative has registered", clock.instant()));
                return IntakeOutcome.NEEDS_ATTENTION;
            } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException
                     | DuplicateOrderException race) {
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    /**
     * A page in one transaction: the page's stored orders read with one query, new ones inserted in
     * JDBC batches. Should that transaction fail (an insert race with another delivery, an order the
     * store refuses), the page is received order by order, so one bad order never costs the others.
     */
    @Override
    public List<IntakeOutcome> receiveAll(List<CanonicalOrder> page) {
        IntakeOutcome[] outcomes = new IntakeOutcome[page.size()];
        Map<ShopKey, List<Integer>> byShop = new LinkedHashMap<>();
        for (int i = 0; i < page.size(); i++) {
            byShop.computeIfAbsent(ShopKey.of(page.get(i)), k -> new ArrayList<>()).add(i);
        }
        byShop.forEach((key, positions) -> {
            List<CanonicalOrder> orders = positions.stream().map(page::get).toList();
            List<IntakeOutcome> received = receiveShopPage(key, orders);
            for (int i = 0; i < positions.size(); i++) {
                outcomes[positions.get(i)] = received.get(i);
            }
        });
        return List.of(outcomes);
    }

    private List<IntakeOutcome> receiveShopPage(ShopKey key, List<CanonicalOrder> page) {
        Optional<Shop> shop = shops.onPlatform(key.platform(), key.shopId());
        if (shop.isEmpty() || page.size() == 1) {
            return page.stream().map(this::receive).toList();
        }
        try {
            return tx.execute(status -> upsertPage(shop.get(), page));
        } catch (CannotCreateTransactionException unavailable) {
            throw unavailable; // the store is not there: the connector tries the page again later
        } catch (RuntimeException pageFailed) {
            log.info("{} shop {}: a page of {} orders failed as a whole ({}); receiving it order by order",
                    key.platform(), key.shopId(), page.size(), pageFailed.toString());
            return page.stream().map(this::receiveOrDeadLetter).toList();
        }
    }

    private List<IntakeOutcome> upsertPage(Shop shop, List<CanonicalOrder> page) {
        Map<String, Order> stored = new HashMap<>(orderService.stored(shop,
                page.stream().map(CanonicalOrder::platformOrderId).distinct().toList()));
        Map<String, SkuMapping> mappings = orderService.mappingsOf(shop.id(), page.stream()
                .flatMap(o -> o.lines().stream()).map(OrderLine::platformSku).toList());
        List<IntakeOutcome> outcomes = new ArrayList<>(page.size());
        for (CanonicalOrder incoming : page) {
            Order known = stored.get(incoming.platformOrderId());
            if (known == null) {
                Order placed = orderService.place(shop, incoming, actor(incoming), mappings);
                // the same order twice in a page: the second delivery meets the first
                stored.put(incoming.platformOrderId(), placed);
                outcomes.add(created(placed));
            } else {
                outcomes.add(update(known, incoming));
            }
        }
        entities.flush();
        return outcomes;
    }

    /** One order on its own; if the store refuses it for good, it goes to the dead letters with its payload. */
    private IntakeOutcome receiveOrDeadLetter(CanonicalOrder incoming) {
        try {
            return receive(incoming);
        } catch (CannotCreateTransactionException unavailable) {
            throw unavailable;
        } catch (RuntimeException refused) {
            deadLetters.keep(new DeadLetter(incoming.platform(), incoming.shopId(), "intake", incoming.rawPayload(),
                    "order " + incoming.platformOrderId() + " could not be stored: " + firstWords(refused), clock.instant()));
            return IntakeOutcome.NEEDS_ATTENTION;
        }
    }

    /** A store's refusal can run to pages (the SQL, the values); the reason shown keeps its start. */
    private static String firstWords(RuntimeException refused) {
        String message = String.valueOf(refused.getMessage());
        return message.length() <= 1_000 ? message : message.substring(0, 1_000) + "…";
    }

    private IntakeOutcome upsert(Shop shop, CanonicalOrder incoming) {
        Optional<Order> stored = orderService.stored(shop, incoming.platformOrderId());
        IntakeOutcome outcome = stored.isEmpty()
                ? created(orderService.place(shop, incoming, actor(incoming), false))
                : update(stored.get(), incoming);
        // through the repository: a duplicate stored by another thread must come as Spring's exception, which
        // receive() retries on (the EntityManager's own flush throws the provider's, untranslated)
        orderService.flush();
        return outcome;
    }

    private static IntakeOutcome created(Order order) {
        return order.status() == OrderStatus.NEEDS_ATTENTION ? IntakeOutcome.NEEDS_ATTENTION : IntakeOutcome.CREATED;
    }

    /** Applies a delivery of an order already stored, unless it is older than what the store has. */
    private IntakeOutcome update(Order order, CanonicalOrder incoming) {
        int newer = incoming.updatedAt().compareTo(order.platformUpdatedAt());
        if (newer < 0) {
            return IntakeOutcome.STALE;
        }
        if (newer == 0 && incoming.status().name().equals(order.platformStatus())) {
            return orderService.retryIfWaitingForMapping(order, actor(incoming))
                    ? IntakeOutcome.UPDATED : IntakeOutcome.UNCHANGED;
        }
        OrderStatus before = order.status();
        orderService.applyPlatformUpdate(order, incoming, actor(incoming));
        return order.status() == OrderStatus.NEEDS_ATTENTION && before != OrderStatus.NEEDS_ATTENTION
                ? IntakeOutcome.NEEDS_ATTENTION : IntakeOutcome.UPDATED;
    }

    private static String actor(CanonicalOrder incoming) {
        return incoming.platform().name().toLowerCase(Locale.ROOT);
    }

    private record ShopKey(Platform platform, String shopId) {
        static ShopKey of(CanonicalOrder order) {
            return new ShopKey(order.platform(), order.shopId());
        }
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        deadLetters.keep(letter);
    }
}
