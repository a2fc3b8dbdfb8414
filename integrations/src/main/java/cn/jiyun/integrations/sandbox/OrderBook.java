package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.SandboxOrder.Shipment;
import cn.jiyun.integrations.sandbox.SandboxOrder.State;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every order the sandbox's platforms know, per shop, in the order they were placed. The platform
 * APIs read it; the generator and the write-back calls change it. One lock for all: the demo is small.
 */
final class OrderBook {

    /** What a write-back did to an order. */
    enum ShipOutcome {
        /** Shipped now with this waybill. */
        SHIPPED,
        /** Already shipped with this very waybill. */
        ALREADY_SHIPPED_SAME,
        /** Already shipped with another waybill. */
        ALREADY_SHIPPED_OTHER,
        CANCELLED,
        NOT_FOUND
    }

    /** A change a platform would push a message about. */
    record Change(Kind kind, SandboxOrder order) {
        enum Kind { PAID, CANCELLED, SHIPPED }
    }

    private record ShopKey(Platform platform, String shopId) {
    }

    private final Map<ShopKey, Map<String, SandboxOrder>> shops = new LinkedHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    void add(SandboxOrder order) {
        addPast(order);
        publish(new Change(order.state() == State.CANCELLED ? Change.Kind.CANCELLED : Change.Kind.PAID, order));
    }

    /**
     * Adds an order that happened before Jiyun could hear of it (a new shop's backlog): nobody is told, as a
     * platform pushes an app no history of a shop that authorises it; the app's first sync reads it.
     */
    void addPast(SandboxOrder order) {
        synchronized (this) {
            Map<String, SandboxOrder> orders = shop(order.platform(), order.shopId());
            if (orders.putIfAbsent(order.orderId(), order) != null) {
                throw new IllegalStateException("order " + order.orderId() + " exists already");
            }
        }
    }

    synchronized List<SandboxOrder> orders(Platform platform, String shopId) {
        return List.copyOf(shop(platform, shopId).values());
    }

    synchronized List<SandboxOrder> all() {
        List<SandboxOrder> all = new ArrayList<>();
        shops.values().forEach(orders -> all.addAll(orders.values()));
        return all;
    }

    synchronized Optional<SandboxOrder> find(Platform platform, String shopId, String orderId) {
        return Optional.ofNullable(shop(platform, shopId).get(orderId));
    }

    /** Records the waybill unless the order is gone, cancelled or shipped with another one. */
    ShipOutcome ship(Platform platform, String shopId, String orderId, String carrierCode, String waybill,
                     Instant at) {
        SandboxOrder shipped;
        synchronized (this) {
            SandboxOrder order = shop(platform, shopId).get(orderId);
            if (order == null) {
                return ShipOutcome.NOT_FOUND;
            }
            if (order.state() == State.CANCELLED) {
                return ShipOutcome.CANCELLED;
            }
            if (order.state() == State.SHIPPED) {
                return order.shipment().waybillNumber().equals(waybill) ? ShipOutcome.ALREADY_SHIPPED_SAME
                        : ShipOutcome.ALREADY_SHIPPED_OTHER;
            }
            shipped = order.shippedWith(new Shipment(carrierCode, waybill, at));
            shop(platform, shopId).put(orderId, shipped);
        }
        publish(new Change(Change.Kind.SHIPPED, shipped));
        return ShipOutcome.SHIPPED;
    }

    /** Cancels a paid order; false when it is no longer waiting to ship. */
    boolean cancel(SandboxOrder order, Instant at, String reason) {
        SandboxOrder cancelled;
        synchronized (this) {
            Map<String, SandboxOrder> orders = shop(order.platform(), order.shopId());
            SandboxOrder current = orders.get(order.orderId());
            if (current == null || current.state() != State.PAID) {
                return false;
            }
            cancelled = current.cancelledAt(at, reason);
            orders.put(order.orderId(), cancelled);
        }
        publish(new Change(Change.Kind.CANCELLED, cancelled));
        return true;
    }

    private Map<String, SandboxOrder> shop(Platform platform, String shopId) {
        return shops.computeIfAbsent(new ShopKey(platform, shopId), key -> new LinkedHashMap<>());
    }

    private void publish(Change change) {
        listeners.forEach(listener -> listener.accept(change));
    }
}
