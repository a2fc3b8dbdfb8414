package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.sync.WindowedConnector;
import cn.jiyun.integrations.sync.WindowedSync;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Douyin's order source and waybill sink. Reads {@code order.searchList} page by page for each
 * {@code update_time} window of the {@link WindowedSync}, and ships with {@code order.logisticsAdd}.
 */
public class DouyinConnector extends WindowedConnector {

    private static final Logger log = LoggerFactory.getLogger(DouyinConnector.class);

    static final String SEARCH_LIST = "order.searchList";
    static final String ORDER_DETAIL = "order.orderDetail";
    static final String LOGISTICS_ADD = "order.logisticsAdd";
    /** How often one window is read again from page 0 when orders leave it while it is paged. */
    private static final int MAX_WINDOW_RESTARTS = 3;

    private final int pageSize;
    private final DouyinClient client;
    private final DouyinOrderMapper mapper;
    private final DouyinCarrierCodes carrierCodes;

    public DouyinConnector(int pageSize, DouyinClient client, DouyinOrderMapper mapper,
                           DouyinCarrierCodes carrierCodes, WindowedSync windows) {
        super(windows);
        this.pageSize = pageSize;
        this.client = client;
        this.mapper = mapper;
        this.carrierCodes = carrierCodes;
    }

    /** Pages through one window, oldest update first, from page 0 until {@code (page+1)*size >= total}. */
    @Override
    public void readWindow(ShopAccount shop, Instant from, Instant to, WindowedSync.Batch batch) {
        int size = pageSize;
        long firstTotal = -1;
        int restarts = 0;
        long page = 0;
        while (true) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("update_time_start", from.getEpochSecond());
            params.put("update_time_end", to.getEpochSecond());
            params.put("order_by", "update_time");
            params.put("order_asc", true);
            params.put("page", page);
            params.put("size", size);
            DouyinOrderPage result = client.read(client.call(shop, SEARCH_LIST, params), DouyinOrderPage.class,
                    SEARCH_LIST);
            if (result == null) {
                throw new PlatformException(Platform.DOUYIN, "no-data", SEARCH_LIST + " answered success without data", true);
            }
            if (firstTotal < 0) {
                firstTotal = result.total();
            } else if (result.total() < firstTotal && restarts < MAX_WINDOW_RESTARTS) {
                // An order updated again while we paged has left the window and shifted the rest
                // one place up, so one may have slipped past the page boundary: read it again.
                restarts++;
                firstTotal = -1;
                page = 0;
                continue;
            }
            List<CanonicalOrder> orders = new ArrayList<>();
            batch.fetched(result.shopOrderList().size());
            for (JsonNode raw : result.shopOrderList()) {
                read(shop, raw, batch).ifPresent(orders::add);
            }
            batch.store(orders);
            if (result.isLast(size)) {
                return;
            }
            page++;
        }
    }

    /** The order as the intake takes it, with its detail read if the list left something out; empty if dead-lettered. */
    private Optional<CanonicalOrder> read(ShopAccount shop, JsonNode raw, WindowedSync.Batch batch) {
        JsonNode source = raw;
        try {
            DouyinShopOrder listed = mapper.read(raw);
            if (mapper.needsDetail(listed) && listed.orderId() != null) {
                source = detail(shop, listed.orderId());
            }
            return Optional.of(mapper.map(shop.shopId(), source));
        } catch (DouyinUnmappableOrder e) {
            deadLetter(source, e.getMessage(), batch);
        } catch (AuthorisationRevokedException e) {
            throw e;
        } catch (PlatformException e) {
            if (e.retryable()) {
                throw e;
            }
            deadLetter(source, "order.orderDetail refused for this order: " + e.getMessage(), batch);
        }
        return Optional.empty();
    }

    private JsonNode detail(ShopAccount shop, String orderId) {
        JsonNode data = client.call(shop, ORDER_DETAIL, Map.of("shop_order_id", orderId));
        return data == null ? null : data.path("shop_order_detail");
    }

    private static void deadLetter(JsonNode raw, String reason, WindowedSync.Batch batch) {
        batch.deadLetter(raw != null && raw.isObject() ? DouyinOrderMapper.withoutReadablePersonalData(raw)
                : String.valueOf(raw), reason);
    }

    /**
     * Sends the waybill with {@code order.logisticsAdd}. That API takes no {@code request_id}
     * (README 1.7), so a refusal is checked against the order: already shipped with this waybill
     * means an earlier attempt got through, which is success.
     */
    @Override
    public void writeBack(ShopAccount shop, ShipmentNotice notice) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("order_id", notice.platformOrderId());
        params.put("company_code", carrierCodes.companyCode(notice.carrier()));
        params.put("logistics_code", notice.waybillNumber());
        try {
            client.call(shop, LOGISTICS_ADD, params);
            log.info("Douyin order {} shipped with {} {} (request {})", notice.platformOrderId(), notice.carrier(),
                    notice.waybillNumber(), notice.requestId());
        } catch (AuthorisationRevokedException e) {
            throw e;
        } catch (PlatformException refused) {
            if (refused.retryable()) {
                throw refused;
            }
            DouyinShopOrder order = shippedOrder(shop, notice.platformOrderId(), refused);
            boolean sameWaybill = order.logisticsInfo().stream()
                    .anyMatch(info -> notice.waybillNumber().equals(info.trackingNo()));
            if (sameWaybill) {
                log.info("Douyin order {} already carries waybill {}; write-back {} is done", notice.platformOrderId(),
                        notice.waybillNumber(), notice.requestId());
                return;
            }
            if (!order.logisticsInfo().isEmpty()) {
                throw new PlatformException(Platform.DOUYIN, refused.platformCode(), "order " + notice.platformOrderId()
                        + " is already shipped with another waybill, not " + notice.waybillNumber()
                        + "; correct it with order.logisticsEdit if ours is right", false, refused);
            }
            throw refused;
        }
    }

    private DouyinShopOrder shippedOrder(ShopAccount shop, String orderId, PlatformException refused) {
        try {
            return mapper.read(detail(shop, orderId));
        } catch (DouyinUnmappableOrder | PlatformException e) {
            refused.addSuppressed(e);
            throw refused;
        }
    }
}
