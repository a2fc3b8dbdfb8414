package cn.jiyun.integrations.testing;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The intake contract as fulfillment keeps it, in memory, for connector tests: upsert keyed on
 * (platform, shop, order id), older updates ignored. Counts every delivery so tests can tell
 * "stored once" from "delivered once", and the size of every page delivered at once.
 */
public class InMemoryIntake implements OrderIntake {

    public record Key(Platform platform, String shopId, String platformOrderId) {
    }

    private final Map<Key, CanonicalOrder> orders = new ConcurrentHashMap<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final List<Integer> pages = new CopyOnWriteArrayList<>();

    @Override
    public synchronized IntakeOutcome receive(CanonicalOrder order) {
        deliveries.incrementAndGet();
        Key key = new Key(order.platform(), order.shopId(), order.platformOrderId());
        CanonicalOrder stored = orders.get(key);
        if (stored == null) {
            orders.put(key, order);
            return IntakeOutcome.CREATED;
        }
        int byTime = order.updatedAt().compareTo(stored.updatedAt());
        if (byTime < 0) {
            return IntakeOutcome.STALE;
        }
        if (byTime == 0 && order.status() == stored.status()) {
            return IntakeOutcome.UNCHANGED;
        }
        orders.put(key, order);
        return IntakeOutcome.UPDATED;
    }

    @Override
    public List<IntakeOutcome> receiveAll(List<CanonicalOrder> page) {
        pages.add(page.size());
        return OrderIntake.super.receiveAll(page);
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        deadLetters.add(letter);
    }

    public Map<Key, CanonicalOrder> orders() {
        return Map.copyOf(orders);
    }

    public CanonicalOrder order(Platform platform, String shopId, String platformOrderId) {
        return orders.get(new Key(platform, shopId, platformOrderId));
    }

    public List<DeadLetter> deadLetters() {
        return new ArrayList<>(deadLetters);
    }

    public int deliveries() {
        return deliveries.get();
    }

    /** How many orders each {@link #receiveAll} call carried, in call order. */
    public List<Integer> pages() {
        return List.copyOf(pages);
    }
}
