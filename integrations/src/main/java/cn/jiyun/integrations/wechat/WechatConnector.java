package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.WindowedConnector;
import cn.jiyun.integrations.sync.WindowedSync;
import cn.jiyun.integrations.wechat.WechatApiMessages.DeliveryPackage;
import cn.jiyun.integrations.wechat.WechatApiMessages.DeliverySendRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.OrderListRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.OrderListResponse;
import cn.jiyun.integrations.wechat.WechatApiMessages.PackageProduct;
import cn.jiyun.integrations.wechat.WechatApiMessages.TimeRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * WeChat Channels Shop as an order source and waybill sink: for each update-time window of the
 * {@link WindowedSync}, order ids from {@code order/list/get} ({@code next_key} paging), each order from
 * {@code order/get} (a few calls at once), handed to the intake a page at a time; waybills through
 * {@code order/delivery/send}.
 */
public class WechatConnector extends WindowedConnector {

    /** WeChat's answer when the order has no unshipped goods left. */
    static final String ALREADY_SHIPPED = "109001";

    private static final Logger log = LoggerFactory.getLogger(WechatConnector.class);

    /** WeChat refuses list ranges longer than this. */
    static final Duration LONGEST_RANGE_WECHAT_ACCEPTS = Duration.ofDays(7);

    private final WechatApiClient client;
    private final WechatOrderMapper mapper;
    private final WechatCarrierCodes carrierCodes;
    private final int pageSize;
    private final int detailCalls;

    /** @param detailCalls {@code order/get} calls in flight at once per shop sync, 1 to 10 */
    public WechatConnector(WechatApiClient client, WechatOrderMapper mapper, WechatCarrierCodes carrierCodes,
                           ConnectorSettings settings, int detailCalls, WindowedSync windows) {
        super(windows);
        if (detailCalls < 1 || detailCalls > 10) {
            throw new IllegalArgumentException("jiyun.platforms.wechat.detail-calls must be between 1 and 10");
        }
        this.client = client;
        this.mapper = mapper;
        this.carrierCodes = carrierCodes;
        this.pageSize = settings.requireWindowAtMost(LONGEST_RANGE_WECHAT_ACCEPTS, Platform.WECHAT).pageSize();
        this.detailCalls = detailCalls;
    }

    @Override
    public SyncReport synchronise(ShopAccount shop) {
        requireWechat(shop);
        return super.synchronise(shop);
    }

    @Override
    public void readWindow(ShopAccount shop, Instant from, Instant to, WindowedSync.Batch batch) {
        List<String> ids = List.copyOf(orderIdsUpdatedWithin(shop, from, to));
        for (int start = 0; start < ids.size(); start += pageSize) {
            List<String> pageIds = ids.subList(start, Math.min(start + pageSize, ids.size()));
            batch.fetched(pageIds.size());
            batch.store(readAll(shop, pageIds, batch));
        }
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
            OrderListResponse page = client.listOrders(shop, new OrderListRequest(range, pageSize,
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
    private List<CanonicalOrder> readAll(ShopAccount shop, List<String> orderIds, WindowedSync.Batch batch) {
        if (detailCalls == 1 || orderIds.size() == 1) {
            return orderIds.stream().flatMap(id -> read(shop, id, batch).stream()).toList();
        }
        ExecutorService calls = Executors.newFixedThreadPool(Math.min(detailCalls, orderIds.size()));
        try {
            List<Future<Optional<CanonicalOrder>>> pending = orderIds.stream()
                    .map(id -> calls.submit(() -> read(shop, id, batch))).toList();
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
    private Optional<CanonicalOrder> read(ShopAccount shop, String orderId, WindowedSync.Batch batch) {
        String answer = client.getOrder(shop, orderId);
        try {
            return Optional.of(mapper.toCanonical(shop.shopId(), answer));
        } catch (UnmappableOrderException | IllegalArgumentException e) {
            String raw = mapper.rawOrder(answer).orElse(answer);
            batch.deadLetter(raw, "WeChat order " + orderId + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void requireWechat(ShopAccount shop) {
        if (shop.platform() != Platform.WECHAT) {
            throw new IllegalArgumentException(shop + " is not a WeChat shop");
        }
    }
}
