package cn.jiyun.integrations.kuaishou;

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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Kuaishou Shop as an order source and waybill sink: reads {@code open.order.cursor.list} by
 * update time, window by window, and ships with {@code open.seller.order.goods.deliver}.
 */
public class KuaishouConnector implements PlatformConnector {

    private static final Logger log = LoggerFactory.getLogger(KuaishouConnector.class);
    private static final Platform KUAISHOU = Platform.KUAISHOU;
    /** Kuaishou answers 300005 for anything older; a day of margin keeps the query valid. */
    private static final Duration OLDEST_KUAISHOU_SERVES = Duration.ofDays(89);
    /** A guard against a gateway that keeps answering the same cursor. */
    private static final int MOST_PAGES_PER_WINDOW = 10_000;

    private final KuaishouProperties properties;
    private final KuaishouClient client;
    private final KuaishouOrderMapper mapper;
    private final OrderIntake intake;
    private final ShopAccounts shopAccounts;
    private final ObjectMapper json;
    private final Clock clock;
    private final ConcurrentMap<String, ReentrantLock> syncLocks = new ConcurrentHashMap<>();

    public KuaishouConnector(KuaishouProperties properties, KuaishouClient client, KuaishouOrderMapper mapper,
                             OrderIntake intake, ShopAccounts shopAccounts, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.mapper = mapper;
        this.intake = intake;
        this.shopAccounts = shopAccounts;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return KUAISHOU;
    }

    /**
     * Reads from the cursor less the overlap (or the backfill window) up to now, in windows of at
     * most {@code max-window}; the cursor moves to a window's end only once all of it is stored.
     */
    @Override
    public SyncReport synchronise(ShopAccount shop) {
        // one sync per shop at a time, so a slow sync never moves the cursor back after a quick one
        ReentrantLock lock = syncLocks.computeIfAbsent(shop.shopId(), id -> new ReentrantLock());
        lock.lock();
        try {
            ShopAccount current = shopAccounts.find(KUAISHOU, shop.shopId()).orElse(shop);
            return synchroniseLocked(current);
        } finally {
            lock.unlock();
        }
    }

    private SyncReport synchroniseLocked(ShopAccount shop) {
        Instant now = clock.instant();
        Instant cursor = shop.syncCursor();
        Instant from = cursor == null ? now.minus(properties.backfill()) : cursor.minus(properties.windowOverlap());
        Instant oldest = now.minus(OLDEST_KUAISHOU_SERVES);
        if (from.isBefore(oldest)) {
            log.warn("Kuaishou shop {}: cursor {} is older than Kuaishou keeps orders; reading from {}",
                    shop.shopId(), cursor, oldest);
            from = oldest;
        }
        Tally tally = new Tally();
        while (from.isBefore(now)) {
            Instant to = earliest(from.plus(properties.maxWindow()), now);
            readWindow(shop, from, to, tally);
            if (cursor == null || to.isAfter(cursor)) {
                shopAccounts.advanceSyncCursor(KUAISHOU, shop.shopId(), to);
                cursor = to;
            }
            from = to;
        }
        log.info("Kuaishou shop {} synchronised: {} fetched, {} stored, {} dead-lettered, cursor {}",
                shop.shopId(), tally.fetched, tally.stored, tally.deadLettered, cursor);
        return new SyncReport(tally.fetched, tally.stored, tally.deadLettered, cursor);
    }

    private void readWindow(ShopAccount shop, Instant from, Instant to, Tally tally) {
        String pageCursor = "";
        Set<String> cursorsSeen = new HashSet<>();
        for (int page = 0; page < MOST_PAGES_PER_WINDOW; page++) {
            KuaishouOrderQuery query = KuaishouOrderQuery.byUpdateTime(from.toEpochMilli(), to.toEpochMilli(),
                    properties.pageSize(), pageCursor);
            KuaishouOrderPage result = readPage(shop, query);
            List<CanonicalOrder> orders = new ArrayList<>();
            for (JsonNode raw : result.orderList()) {
                tally.fetched++;
                read(shop, raw, tally).ifPresent(orders::add);
            }
            // the whole page at once: the store takes it in one transaction
            tally.stored += (int) intake.receiveAll(orders).stream().filter(IntakeOutcome::stored).count();
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
    private Optional<CanonicalOrder> read(ShopAccount shop, JsonNode raw, Tally tally) {
        try {
            return Optional.of(mapper.toCanonical(shop.shopId(), raw));
        } catch (KuaishouOrderMapper.UnmappableOrderException | IllegalArgumentException | NullPointerException e) {
            // one bad order must not hold up the rest of the batch: a person looks at it
            intake.deadLetter(new DeadLetter(KUAISHOU, shop.shopId(), "poll", raw.toString(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant()));
            tally.deadLettered++;
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

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static final class Tally {
        int fetched;
        int stored;
        int deadLettered;
    }

    @Override
    public String toString() {
        return "KuaishouConnector";
    }
}
