package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.wechat.WechatApiMessages.DeliveryPackage;
import cn.jiyun.integrations.wechat.WechatApiMessages.DeliverySendRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.OrderListRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.OrderListResponse;
import cn.jiyun.integrations.wechat.WechatApiMessages.PackageProduct;
import cn.jiyun.integrations.wechat.WechatApiMessages.TimeRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * WeChat Channels Shop as an order source and waybill sink: order ids by update-time window
 * ({@code order/list/get}, {@code next_key} paging), each order from {@code order/get} (a few calls at once),
 * handed to the intake a page at a time, and waybills
 * through {@code order/delivery/send}.
 */
public class WechatConnector implements PlatformConnector {

    /** WeChat's answer when the order has no unshipped goods left. */
    static final String ALREADY_SHIPPED = "109001";

    private static final Logger log = LoggerFactory.getLogger(WechatConnector.class);

    private final WechatApiClient client;
    private final WechatOrderMapper mapper;
    private final WechatCarrierCodes carrierCodes;
    private final OrderIntake intake;
    private final ShopAccounts shops;
    private final WechatProperties properties;
    private final Clock clock;
    private final Map<String, ReentrantLock> syncLocks = new ConcurrentHashMap<>();

    public WechatConnector(WechatApiClient client, WechatOrderMapper mapper, WechatCarrierCodes carrierCodes,
                           OrderIntake intake, ShopAccounts shops, WechatProperties properties, Clock clock) {
        this.client = client;
        this.mapper = mapper;
        this.carrierCodes = carrierCodes;
        this.intake = intake;
        this.shops = shops;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.WECHAT;
    }

    @Override
    public SyncReport synchronise(ShopAccount shop) {
        requireWechat(shop);
        // The timer and a webhook hint may ask for the same shop at once: one sync at a time, each starting
        // from the cursor the previous one stored, keeps the cursor moving forward only.
        ReentrantLock lock = syncLocks.computeIfAbsent(shop.shopId(), id -> new ReentrantLock());
        lock.lock();
        try {
            return synchroniseAlone(shops.find(Platform.WECHAT, shop.shopId()).orElse(shop));
        } finally {
            lock.unlock();
        }
    }

    private SyncReport synchroniseAlone(ShopAccount shop) {
        Instant now = clock.instant();
        Instant from = shop.cursor()
                .map(cursor -> cursor.minus(properties.windowOverlap()))
                .orElse(now.minus(properties.backfill()));
        Instant cursor = shop.syncCursor();
        int fetched = 0;
        int stored = 0;
        int deadLettered = 0;
        while (from.isBefore(now)) {
            Instant to = earliest(from.plus(properties.maxWindow()), now);
            List<String> ids = List.copyOf(orderIdsUpdatedWithin(shop, from, to));
            for (int start = 0; start < ids.size(); start += properties.pageSize()) {
                List<String> pageIds = ids.subList(start, Math.min(start + properties.pageSize(), ids.size()));
                List<CanonicalOrder> orders = readAll(shop, pageIds);
                fetched += pageIds.size();
                deadLettered += pageIds.size() - orders.size();
                // a page of orders at once: the store takes it in one transaction
                stored += (int) intake.receiveAll(orders).stream().filter(IntakeOutcome::stored).count();
            }
            // Every order of the window is in intake: a crash before this line re-reads the window.
            shops.advanceSyncCursor(Platform.WECHAT, shop.shopId(), to);
            cursor = to;
            from = to;
        }
        if (fetched > 0) {
            log.info("WeChat shop {} synchronised: {} fetched, {} stored, {} dead-lettered, cursor {}",
                    shop.shopId(), fetched, stored, deadLettered, cursor);
        }
        return new SyncReport(fetched, stored, deadLettered, cursor);
    }

    @Override
    public void writeBack(ShopAccount shop, ShipmentNotice notice) {
        requireWechat(shop);
        if (!shop.shopId().equals(notice.shopId())) {
            throw new IllegalArgumentException("notice for shop " + notice.shopId() + " given with " + shop);
        }
        String deliveryId = carrierCodes.deliveryId(notice.carrier());
        WechatOrder order = currentOrder(shop, notice.platformOrderId());
        if (order.hasWaybill(notice.waybillNumber())) {
            log.info("WeChat order {} already carries waybill {}; nothing to send", notice.platformOrderId(),
                    notice.waybillNumber());
            return;
        }
        DeliverySendRequest request = new DeliverySendRequest(notice.platformOrderId(), List.of(
                new DeliveryPackage(deliveryId, notice.waybillNumber(), DeliveryPackage.SELF_SENT_EXPRESS,
                        packageContents(order))));
        try {
            client.sendDelivery(shop, request);
        } catch (PlatformException e) {
            if (!ALREADY_SHIPPED.equals(e.platformCode())) {
                throw e;
            }
            // An earlier attempt may have got through before its answer was lost: success only if it was ours.
            if (!currentOrder(shop, notice.platformOrderId()).hasWaybill(notice.waybillNumber())) {
                throw new PlatformException(Platform.WECHAT, ALREADY_SHIPPED, "order " + notice.platformOrderId()
                        + " is already shipped, but not with waybill " + notice.waybillNumber(), false, e);
            }
        }
        log.info("WeChat order {} shipped with {} {} (request {})", notice.platformOrderId(), deliveryId,
                notice.waybillNumber(), notice.requestId());
    }

    /** What the parcel holds: every SKU of the order less what after-sale already took back. */
    private static List<PackageProduct> packageContents(WechatOrder order) {
        List<PackageProduct> contents = new ArrayList<>();
        for (WechatOrder.ProductInfo product : order.products()) {
            int count = Objects.requireNonNullElse(product.skuCnt(), 0)
                    - Objects.requireNonNullElse(product.finishAftersaleSkuCnt(), 0);
            if (count > 0) {
                contents.add(new PackageProduct(product.productId(), product.skuId(), count));
            }
        }
        return contents;
    }

    private WechatOrder currentOrder(ShopAccount shop, String orderId) {
        String answer = client.getOrder(shop, orderId);
        String raw = mapper.rawOrder(answer).orElseThrow(() -> new PlatformException(Platform.WECHAT, "0",
                "order/get for " + orderId + " answered without an order", false));
        try {
            return client.json().readValue(raw, WechatOrder.class);
        } catch (Exception e) {
            throw new PlatformException(Platform.WECHAT, "0", "order/get for " + orderId + " is unreadable", false, e);
        }
    }

    private Set<String> orderIdsUpdatedWithin(ShopAccount shop, Instant from, Instant to) {
        TimeRange range = new TimeRange(from.getEpochSecond(), to.getEpochSecond());
        Set<String> ids = new LinkedHashSet<>();
        String nextKey = "";
        while (true) {
            OrderListResponse page = client.listOrders(shop, new OrderListRequest(range, properties.pageSize(),
                    nextKey));
            page.orderIds().stream().filter(Objects::nonNull).forEach(ids::add);
            if (!page.hasMore()) {
                return ids;
            }
            if (page.nextKey() == null || page.nextKey().isEmpty() || page.nextKey().equals(nextKey)) {
                throw new PlatformException(Platform.WECHAT, "0", "order/list/get says has_more but gives no new "
                        + "next_key", true);
            }
            nextKey = page.nextKey();
        }
    }

    /**
     * Reads the orders with {@code detail-calls} calls in flight at once, since each is a round trip of its own;
     * in the ids' order, less those dead-lettered. The first failure that should stop the sync (authorisation
     * gone, platform down) does.
     */
    private List<CanonicalOrder> readAll(ShopAccount shop, List<String> orderIds) {
        if (properties.detailCalls() == 1 || orderIds.size() == 1) {
            return orderIds.stream().flatMap(id -> read(shop, id).stream()).toList();
        }
        ExecutorService calls = Executors.newFixedThreadPool(Math.min(properties.detailCalls(), orderIds.size()));
        try {
            List<Future<Optional<CanonicalOrder>>> pending = orderIds.stream()
                    .map(id -> calls.submit(() -> read(shop, id))).toList();
            List<CanonicalOrder> read = new ArrayList<>(pending.size());
            for (Future<Optional<CanonicalOrder>> order : pending) {
                order.get().ifPresent(read::add);
            }
            return read;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException stop ? stop
                    : new PlatformException(Platform.WECHAT, "0", "order/get failed: " + e.getCause(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(Platform.WECHAT, "interrupted", "order/get interrupted", true, e);
        } finally {
            calls.shutdownNow();
        }
    }

    /** The order from {@code order/get}, as the intake takes it; empty if it went to the dead letters. */
    private Optional<CanonicalOrder> read(ShopAccount shop, String orderId) {
        String answer = client.getOrder(shop, orderId);
        try {
            return Optional.of(mapper.toCanonical(shop.shopId(), answer));
        } catch (UnmappableOrderException | IllegalArgumentException e) {
            String raw = mapper.rawOrder(answer).orElse(answer);
            intake.deadLetter(new DeadLetter(Platform.WECHAT, shop.shopId(), "poll", raw,
                    "WeChat order " + orderId + ": " + e.getMessage(), clock.instant()));
            return Optional.empty();
        }
    }

    private static void requireWechat(ShopAccount shop) {
        if (shop.platform() != Platform.WECHAT) {
            throw new IllegalArgumentException(shop + " is not a WeChat shop");
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
