package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.producers.ProducerProximity;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.SkuMapping;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.PlatformOrderStatus;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import cn.jiyun.fulfillment.shops.SkuMapped;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes orders in, turns their lines into parcels at the producers who make the goods, and moves
 * them through their statuses. One transaction per call: an order is stored whole or not at all.
 */
@Service
@Transactional
public class OrderService {

    /** The heaviest parcel one person hands over; anything above is a typo or needs a pallet. */
    static final int MAX_PARCEL_GRAMS = 100_000;
    private static final String NO_PRODUCER_MAPPED = "no producer mapped for SKU ";
    private static final char LIKE_ESCAPE = '\\';

    private final AuditTrail audit;
    private final Orders orders;
    private final ShopService shops;
    private final ProducerProximity proximity;
    private final ParcelCodes parcelCodes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrderService(Orders orders, ShopService shops, ProducerProximity proximity,
                 ParcelCodes parcelCodes, Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.events = events;
        this.orders = orders;
        this.shops = shops;
        this.proximity = proximity;
        this.parcelCodes = parcelCodes;
        this.clock = clock;
    }

    /**
     * Stores a new order of the shop and makes its parcels. An order whose SKUs are not all mapped
     * to producers is stored as NEEDS_ATTENTION with the reason, to be retried once mapped.
     */
    public Order place(Shop shop, CanonicalOrder incoming, String actor) {
        return place(shop, incoming, actor, true);
    }

    /**
     * As {@link #place(Shop, CanonicalOrder, String)}; {@code checkDuplicate} false when the caller has
     * just looked the order up itself (the store's unique key still refuses a duplicate).
     */
    public Order place(Shop shop, CanonicalOrder incoming, String actor, boolean checkDuplicate) {
        if (checkDuplicate && orders.existsByPlatformAndShopIdAndPlatformOrderId(shop.platform(), shop.id(),
                incoming.platformOrderId())) {
            throw new DuplicateOrderException(shop.platform() + " order " + incoming.platformOrderId() + " of shop "
                    + shop.platformShopId() + " already exists");
        }
        return place(shop, incoming, actor, incoming.status() == PlatformOrderStatus.PAID
                ? mappingsOf(shop.id(), incoming.lines().stream().map(l -> l.platformSku()).toList()) : Map.of());
    }

    /**
     * As {@link #place(Shop, CanonicalOrder, String, boolean)} without the duplicate check, for one of a
     * page of the shop's new orders whose SKU mappings the caller has read once with {@link #mappingsOf}.
     */
    public Order place(Shop shop, CanonicalOrder incoming, String actor, Map<String, SkuMapping> shopMappings) {
        Instant now = clock.instant();
        Order order = new Order(shop.cooperativeId(), shop.id(), shop.platform(), incoming.platformOrderId(),
                incoming.buyerProvince(), incoming.buyerCity(), incoming.createdAt(), incoming.paidAt(),
                incoming.shipBy(), incoming.totalAmountFen(), incoming.updatedAt(), now, actor);
        incoming.lines().forEach(l -> order.addLine(l.platformSku(), l.title(), l.quantity(), l.amountFen()));
        order.platformSays(incoming.status().name(), incoming.updatedAt(), incoming.paidAt(), incoming.shipBy(),
                incoming.buyerProvince(), incoming.buyerCity(), incoming.totalAmountFen(), incoming.rawPayload());
        if (incoming.status() == PlatformOrderStatus.CANCELLED) {
            order.moveTo(OrderStatus.CANCELLED, now, "cancelled on " + shop.platform(), actor);
        } else if (incoming.status() == PlatformOrderStatus.PAID) {
            makeParcels(order, now, actor, shopMappings);
        }
        Order saved = orders.save(order);
        announce(saved, OrderStatus.RECEIVED);
        return saved;
    }

    /**
     * Applies what the platform now says about a stored order (the caller has checked it is newer).
     * A cancellation before pickup cancels the order (and so takes it out of any plan); after
     * pickup the goods are on their way and a person must act.
     */
    public Order applyPlatformUpdate(Order order, CanonicalOrder incoming, String actor) {
        Instant now = clock.instant();
        order.platformSays(incoming.status().name(), incoming.updatedAt(), incoming.paidAt(), incoming.shipBy(),
                incoming.buyerProvince(), incoming.buyerCity(), incoming.totalAmountFen(), incoming.rawPayload());
        OrderStatus ours = order.status();
        applyPlatformStatus(order, incoming, ours, now, actor);
        announce(order, ours);
        return order;
    }

    private void applyPlatformStatus(Order order, CanonicalOrder incoming, OrderStatus ours, Instant now, String actor) {
        switch (incoming.status()) {
            case CANCELLED -> {
                if (ours == OrderStatus.PICKED_UP || ours == OrderStatus.AT_HUB) {
                    order.needsAttention("cancelled on " + order.platform() + " after pickup: return the goods to "
                            + "the producer", now, actor);
                } else if (ours.canMoveTo(OrderStatus.CANCELLED)) {
                    order.moveTo(OrderStatus.CANCELLED, now, "cancelled on " + order.platform(), actor);
                }
            }
            case PAID -> {
                if (ours == OrderStatus.RECEIVED) {
                    makeParcels(order, now, actor);
                }
            }
            case SHIPPED, COMPLETED -> {
                if (ours == OrderStatus.RECEIVED || ours == OrderStatus.AWAITING_PICKUP || ours == OrderStatus.PLANNED) {
                    order.needsAttention("shipped on " + order.platform() + " without Jiyun: check with the seller "
                            + "before collecting", now, actor);
                }
            }
            case AWAITING_PAYMENT -> {
                // nothing to do until it is paid
            }
        }
    }

    /** Tells the rest of the service (e.g. plans being solved) that an order moved. */
    private void announce(Order order, OrderStatus before) {
        if (order.status() != before) {
            events.publishEvent(new OrderStatusChanged(order.cooperativeId(), order.id(), before, order.status()));
        }
    }

    /** Tries again to make the parcels of an order that needed attention (e.g. once its SKUs are mapped). */
    public Order retry(Long cooperativeId, Long orderId, String actor) {
        Order order = get(cooperativeId, orderId);
        if (order.status() != OrderStatus.NEEDS_ATTENTION && order.status() != OrderStatus.RECEIVED) {
            throw new ConflictException("order " + order.platformOrderId() + " is " + order.status()
                    + "; only orders that are RECEIVED or NEED_ATTENTION can be retried");
        }
        // making the parcels again only helps an order that never left the farm and that its platform still wants
        // shipped; anything else (cancelled or shipped on the platform, parcels already collected) needs a person
        if (PLATFORM_SETTLED.contains(order.platformStatus())) {
            throw new ConflictException("order " + order.platformOrderId() + " is " + order.platformStatus() + " on "
                    + order.platform() + "; settle it with the seller and then set its status by hand");
        }
        if (order.events().stream().anyMatch(e -> e.status() == OrderStatus.PICKED_UP)) {
            throw new ConflictException("the parcels of order " + order.platformOrderId() + " were collected already; "
                    + "correct it by setting its status by hand");
        }
        OrderStatus before = order.status();
        makeParcels(order, clock.instant(), actor);
        announce(order, before);
        return order;
    }

    /** Platform statuses after which Jiyun must not collect an order again. */
    private static final Set<String> PLATFORM_SETTLED = Set.of(
            PlatformOrderStatus.CANCELLED.name(), PlatformOrderStatus.SHIPPED.name(),
            PlatformOrderStatus.COMPLETED.name());

    /**
     * Tries an order that waits for a SKU mapping again; true when that took it further. Seeing the
     * same order again from its platform is a good moment: a mapping added while the order was being
     * stored may have missed it.
     */
    public boolean retryIfWaitingForMapping(Order order, String actor) {
        if (order.status() != OrderStatus.NEEDS_ATTENTION || order.attentionReason() == null
                || !order.attentionReason().startsWith(NO_PRODUCER_MAPPED)) {
            return false;
        }
        makeParcels(order, clock.instant(), actor);
        announce(order, OrderStatus.NEEDS_ATTENTION);
        return order.status() != OrderStatus.NEEDS_ATTENTION;
    }

    /** Once a SKU is mapped, the orders that were waiting for it are tried again. */
    @EventListener
    void skuMapped(SkuMapped mapped) {
        for (Order order : orders.findNeedingAttentionWithSku(mapped.shopId(), mapped.platformSku())) {
            if (order.attentionReason() != null && order.attentionReason().startsWith(NO_PRODUCER_MAPPED)) {
                makeParcels(order, clock.instant(), mapped.actor());
                announce(order, OrderStatus.NEEDS_ATTENTION);
            }
        }
    }

    /**
     * Every cooperative's orders taken from the platforms, paid and not cancelled, with their lines, oldest
     * first: what the platforms hold of them (the demo's sandbox serves them back).
     */
    @Transactional(readOnly = true)
    public List<Order> paidPlatformOrders() {
        return orders.findPaidPlatformOrders();
    }

    /** The shop's stored order of this platform order id, if any. */
    @Transactional(readOnly = true)
    public Optional<Order> stored(Shop shop, String platformOrderId) {
        return orders.findByPlatformAndShopIdAndPlatformOrderId(shop.platform(), shop.id(), platformOrderId);
    }

    /**
     * Writes the current transaction's orders now, through the repository, so that an order another thread stored
     * first shows here as Spring's {@code DataIntegrityViolationException} (the intake retries on it), not as the
     * persistence provider's own exception at commit.
     */
    public void flush() {
        orders.flush();
    }

    /** The shop's stored orders of these platform order ids, by platform order id. */
    @Transactional(readOnly = true)
    public Map<String, Order> stored(Shop shop, Collection<String> platformOrderIds) {
        Map<String, Order> stored = new LinkedHashMap<>();
        orders.findByPlatformAndShopIdAndPlatformOrderIdIn(shop.platform(), shop.id(), platformOrderIds)
                .forEach(o -> stored.put(o.platformOrderId(), o));
        return stored;
    }

    /** An order by its id, whichever cooperative keeps it: for work that carries the id, not a user. */
    @Transactional(readOnly = true)
    public Order byId(Long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    }

    /** The order a public tracking link names, if any; the token is its only key. */
    @Transactional(readOnly = true)
    public Optional<Order> byTrackingToken(String trackingToken) {
        return orders.findByTrackingToken(trackingToken);
    }

    /** The shop's mappings of these SKUs, by SKU; SKUs without one are left out. */
    public Map<String, SkuMapping> mappingsOf(Long shopId, Collection<String> skus) {
        return shops.mappingsOf(shopId, skus);
    }

    private void makeParcels(Order order, Instant now, String actor) {
        makeParcels(order, now, actor, mappingsOf(order.shopId(), order.lines().stream().map(OrderLine::platformSku)
                .toList()));
    }

    private void makeParcels(Order order, Instant now, String actor, Map<String, SkuMapping> bySku) {
        List<String> skus = order.lines().stream().map(OrderLine::platformSku).distinct().toList();
        TreeSet<String> unmapped = new TreeSet<>(skus);
        unmapped.removeAll(bySku.keySet());
        if (!unmapped.isEmpty()) {
            order.needsAttention(NO_PRODUCER_MAPPED + String.join(", ", unmapped), now, actor);
            return;
        }
        record Load(long grams, long ml, boolean chilled) {
            Load plus(Load o) {
                return new Load(grams + o.grams, ml + o.ml, chilled || o.chilled);
            }
        }
        Map<Long, Load> byProducer = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            SkuMapping m = bySku.get(line.platformSku());
            byProducer.merge(m.producerId(), new Load((long) m.unitWeightGrams() * line.quantity(),
                    (long) m.unitVolumeMl() * line.quantity(), m.chilled()), Load::plus);
        }
        List<Order.ParcelSpec> parcels = new ArrayList<>();
        for (Map.Entry<Long, Load> e : byProducer.entrySet()) {
            Load load = e.getValue();
            if (load.grams() > MAX_PARCEL_GRAMS) {
                order.needsAttention("the parcel at producer " + e.getKey() + " would weigh " + load.grams() / 1000
                        + " kg, more than the " + MAX_PARCEL_GRAMS / 1000 + " kg a pickup can take", now, actor);
                return;
            }
            parcels.add(new Order.ParcelSpec(e.getKey(), parcelCodes.next(), (int) load.grams(),
                    (int) Math.min(Integer.MAX_VALUE, load.ml()), load.chilled()));
        }
        order.replaceParcels(parcels);
        order.moveTo(OrderStatus.AWAITING_PICKUP, now, "parcels ready at " + parcels.size() + " producer(s)", actor);
    }

    @Transactional(readOnly = true)
    public Order get(Long cooperativeId, Long orderId) {
        return orders.findByIdAndCooperativeId(orderId, cooperativeId)
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }

    /** One order, if the user may see it: a seller only sees their own shops' orders. */
    @Transactional(readOnly = true)
    public Order get(JiyunUser user, Long orderId) {
        Order order = get(user.cooperativeId(), orderId);
        if (user.is(Role.SELLER) && !sellerShopIds(user).contains(order.shopId())) {
            throw new NotFoundException("order", orderId);
        }
        return order;
    }

    @Transactional(readOnly = true)
    public Page<Order> list(JiyunUser user, OrderFilter filter, Pageable pageable) {
        Long cooperative = user.cooperativeId();
        List<Specification<Order>> parts = new ArrayList<>();
        parts.add((root, q, cb) -> cb.equal(root.get("cooperativeId"), cooperative));
        if (user.is(Role.SELLER)) {
            parts.add(shopIn(sellerShopIds(user)));
        }
        if (filter.status() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.platform() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("platform"), filter.platform()));
        }
        if (filter.shopId() != null) {
            List<Long> shopIds = shops.withPlatformShopId(cooperative, filter.shopId()).stream()
                    .filter(s -> filter.platform() == null || s.platform() == filter.platform())
                    .map(Shop::id).toList();
            parts.add(shopIn(shopIds));
        }
        if (filter.producerId() != null) {
            parts.add(parcelFrom(List.of(filter.producerId())));
        }
        if (filter.hubId() != null) {
            parts.add(parcelFrom(proximity.idsNearestTo(cooperative, filter.hubId())));
        }
        if (filter.area() != null) {
            OrderFilter.Box b = filter.area();
            parts.add(parcelFrom(proximity.idsInside(cooperative, b.minLongitude(), b.minLatitude(),
                    b.maxLongitude(), b.maxLatitude())));
        }
        if (filter.platformOrderId() != null && !filter.platformOrderId().isBlank()) {
            String prefix = likeEscaped(filter.platformOrderId().strip()) + "%";
            parts.add((root, q, cb) -> cb.like(root.get("platformOrderId"), prefix, LIKE_ESCAPE));
        }
        if (filter.paidFrom() != null) {
            Instant from = filter.paidFrom().atStartOfDay(ChinaTime.ZONE).toInstant();
            parts.add((root, q, cb) -> cb.greaterThanOrEqualTo(root.get("paidAt"), from));
        }
        if (filter.paidTo() != null) {
            Instant to = filter.paidTo().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
            parts.add((root, q, cb) -> cb.lessThan(root.get("paidAt"), to));
        }
        return orders.findAll(Specification.allOf(parts), pageable);
    }

    /** A person moves an order to another status through the API: as {@link #changeStatus}, and kept in the trail. */
    public Order changeStatusByHand(Long cooperativeId, Long orderId, OrderStatus next, String note, Carrier carrier,
                                    String waybillNumber, String actor) {
        OrderStatus before = get(cooperativeId, orderId).status();
        Order order = changeStatus(cooperativeId, orderId, next, note, carrier, waybillNumber, actor);
        audit.record(cooperativeId, AuditKind.ORDER_STATUS_CHANGED, "order " + order.platformOrderId(),
                before + " → " + next + (note == null || note.isBlank() ? "" : ": " + note)
                        + (waybillNumber == null ? "" : ", waybill " + waybillNumber));
        return order;
    }

    /**
     * The carrier's news moves a handed-over order on ({@code IN_TRANSIT}, {@code DELIVERED}, {@code RETURNED}), if
     * that step is allowed from where it stands; false when it is not (e.g. delivered already), which changes nothing.
     */
    public boolean carrierMoved(Long orderId, OrderStatus next, Instant at, String note, String actor) {
        if (!next.afterHandover()) {
            throw new IllegalArgumentException("the carrier moves an order only after the handover, not to " + next);
        }
        Order order = byId(orderId);
        OrderStatus before = order.status();
        if (before == next || !before.canMoveTo(next)) {
            return false;
        }
        order.moveTo(next, at, note, actor);
        announce(order, before);
        return true;
    }

    /** An order after the handover needs a person (a problem parcel, a return, a silent carrier); the reason says why. */
    public void carrierNeedsAttention(Long orderId, String reason, Instant at, String actor) {
        Order order = byId(orderId);
        OrderStatus before = order.status();
        order.needsAttention(reason, at, actor);
        announce(order, before);
    }

    /** Moves an order to another status by hand, if that step is allowed. */
    public Order changeStatus(Long cooperativeId, Long orderId, OrderStatus next, String note, Carrier carrier,
                              String waybillNumber, String actor) {
        Order order = get(cooperativeId, orderId);
        Instant now = clock.instant();
        OrderStatus before = order.status();
        try {
            if (next == OrderStatus.HANDED_TO_CARRIER) {
                order.handToCarrier(carrier, waybillNumber, now, actor);
                events.publishEvent(new OrderHandedToCarrier(order.id()));
            } else {
                order.moveTo(next, now, note, actor);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(next == OrderStatus.HANDED_TO_CARRIER ? "waybillNumber" : "note",
                    e.getMessage());
        }
        announce(order, before);
        return order;
    }

    private List<Long> sellerShopIds(JiyunUser user) {
        return shops.ofSeller(user.cooperativeId(), user.userId()).stream()
                .map(Shop::id).toList();
    }

    /** A typed order id is matched literally: its % and _ are not wildcards. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Specification<Order> shopIn(Collection<Long> shopIds) {
        return (root, q, cb) -> shopIds.isEmpty() ? cb.disjunction() : root.get("shopId").in(shopIds);
    }

    private static Specification<Order> parcelFrom(Collection<Long> producerIds) {
        return (root, q, cb) -> {
            if (producerIds.isEmpty()) {
                return cb.disjunction();
            }
            Subquery<Long> withParcel = q.subquery(Long.class);
            Root<Parcel> parcel = withParcel.from(Parcel.class);
            withParcel.select(parcel.get("order").get("id")).where(parcel.get("producerId").in(producerIds));
            return root.get("id").in(withParcel);
        };
    }
}
