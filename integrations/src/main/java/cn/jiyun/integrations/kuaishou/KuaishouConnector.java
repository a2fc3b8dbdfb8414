package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.WindowedConnector;
import cn.jiyun.integrations.sync.WindowedSync;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kuaishou Shop as an order source and waybill sink: reads {@code open.order.cursor.list} page by page
 * for each update-time window of the {@link WindowedSync}, and ships with {@code open.seller.order.goods.deliver}.
 */
public class KuaishouConnector extends WindowedConnector {

    private static final Logger log = LoggerFactory.getLogger(KuaishouConnector.class);
    private static final Platform KUAISHOU = Platform.KUAISHOU;
    /** Kuaishou answers 300005 for anything older; a day of margin keeps the query valid. */
    static final Duration OLDEST_KUAISHOU_SERVES = Duration.ofDays(89);
    /** Kuaishou answers 300004 for update-time ranges longer than this. */
    static final Duration LONGEST_RANGE_KUAISHOU_ACCEPTS = Duration.ofDays(7);
    /** A guard against a gateway that keeps answering the same cursor. */
    private static final int MOST_PAGES_PER_WINDOW = 10_000;

    private final int pageSize;
    private final KuaishouClient client;
    private final KuaishouOrderMapper mapper;
    private final ObjectMapper json;

    /** @param windows built with {@link #OLDEST_KUAISHOU_SERVES} as its history */
    public KuaishouConnector(ConnectorSettings settings, KuaishouClient client, KuaishouOrderMapper mapper,
                             ObjectMapper json, WindowedSync windows) {
        super(windows);
        this.pageSize = settings.requireWindowAtMost(LONGEST_RANGE_KUAISHOU_ACCEPTS, KUAISHOU).pageSize();
        this.client = client;
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public void readWindow(ShopAccount shop, Instant from, Instant to, WindowedSync.Batch batch) {
        String pageCursor = "";
        Set<String> cursorsSeen = new HashSet<>();
        for (int page = 0; page < MOST_PAGES_PER_WINDOW; page++) {
            KuaishouOrderQuery query = KuaishouOrderQuery.byUpdateTime(from.toEpochMilli(), to.toEpochMilli(),
                    pageSize, pageCursor);
            KuaishouOrderPage result = readPage(shop, query);
            List<CanonicalOrder> orders = new ArrayList<>();
            batch.fetched(result.orderList().size());
            for (JsonNode raw : result.orderList()) {
                read(shop, raw, batch).ifPresent(orders::add);
            }
            batch.store(orders);
            if (result.last()) {
                return;
            }
            if (!cursorsSeen.add(result.cursor())) {
                throw new PlatformException(KUAISHOU, "cursor_loop",
                        "open.order.cursor.list returned cursor " + result.cursor() + " twice", true);
            }
            pageCursor = result.cursor();
        }
        throw new PlatformException(KUAISHOU, "too_many_pages",
                "open.order.cursor.list kept paging past " + MOST_PAGES_PER_WINDOW + " pages", true);
    }

    private KuaishouOrderPage readPage(ShopAccount shop, KuaishouOrderQuery query) {
        JsonNode data = client.read(shop, KuaishouOrderQuery.METHOD, query);
        if (data == null || data.isNull() || data.isMissingNode()) {
            return new KuaishouOrderPage(null, null, null, null, null);
        }
        try {
            return json.treeToValue(data, KuaishouOrderPage.class);
        } catch (JsonProcessingException e) {
            throw new PlatformException(KUAISHOU, "unreadable_page",
                    "open.order.cursor.list data does not have the documented shape: " + e.getOriginalMessage(), true, e);
        }
    }

    /** The order as the intake takes it; empty if it could not be read and went to the dead letters. */
    private Optional<CanonicalOrder> read(ShopAccount shop, JsonNode raw, WindowedSync.Batch batch) {
        try {
            return Optional.of(mapper.toCanonical(shop.shopId(), raw));
        } catch (KuaishouOrderMapper.UnmappableOrderException | IllegalArgumentException | NullPointerException e) {
            // one bad order must not hold up the rest of the batch: a person looks at it
            batch.deadLetter(raw.toString(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Ships the whole order with the waybill. Kuaishou treats the same tracking number sent again
     * as success (since 2024-11-25), so a repeated notice is harmless.
     */
    @Override
    public void writeBack(ShopAccount shop, ShipmentNotice notice) {
        long orderId;
        try {
            orderId = Long.parseLong(notice.platformOrderId());
        } catch (NumberFormatException e) {
            throw new PlatformException(KUAISHOU, "invalid_order_id",
                    "Kuaishou order ids are numbers, got " + notice.platformOrderId(), false);
        }
        int expressCode = KuaishouCarrierCodes.expressCode(notice.carrier());
        client.write(shop, KuaishouDeliverRequest.METHOD,
                new KuaishouDeliverRequest(orderId, notice.waybillNumber(), expressCode));
        log.info("Kuaishou order {} of shop {} shipped with {} (request {})", notice.platformOrderId(),
                shop.shopId(), notice.carrier(), notice.requestId());
    }

    @Override
    public String toString() {
        return "KuaishouConnector";
    }
}
