package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.SyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A shop's sync in update-time windows, the same for every platform: from the cursor less the overlap (or
 * the backfill) up to now, one window after the other, the cursor moved to a window's end only once every
 * order of it is stored. One sync per shop at a time, so a slow sync never moves the cursor back after a
 * quick one. The platform only reads a window, page by page, into the {@link Batch}.
 */
public final class WindowedSync {

    private static final Logger log = LoggerFactory.getLogger(WindowedSync.class);

    /** Reads every order of the shop updated within [from, to), handing each page to the batch as it reads it. */
    @FunctionalInterface
    public interface WindowReader {
        void readWindow(ShopAccount shop, Instant from, Instant to, Batch batch);
    }

    private final Platform platform;
    private final ConnectorSettings settings;
    private final Duration history;
    private final ShopAccounts shops;
    private final OrderIntake intake;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * @param history how far back the platform serves orders at all; {@code null} when it does not say
     */
    public WindowedSync(Platform platform, ConnectorSettings settings, Duration history, ShopAccounts shops,
                        OrderIntake intake, Clock clock) {
        this.platform = platform;
        this.settings = settings;
        this.history = history;
        this.shops = shops;
        this.intake = intake;
        this.clock = clock;
    }

    public Platform platform() {
        return platform;
    }

    public SyncReport synchronise(ShopAccount shop, WindowReader reader) {
        ReentrantLock lock = locks.computeIfAbsent(shop.shopId(), id -> new ReentrantLock());
        lock.lock();
        try {
            // the cursor the previous sync stored, not the one the caller saw
            return synchroniseAlone(shops.find(platform, shop.shopId()).orElse(shop), reader);
        } finally {
            lock.unlock();
        }
    }

    private SyncReport synchroniseAlone(ShopAccount shop, WindowReader reader) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant cursor = shop.syncCursor();
        Instant from = cursor == null ? now.minus(settings.backfill()) : cursor.minus(settings.windowOverlap());
        if (history != null && from.isBefore(now.minus(history))) {
            log.warn("{} shop {}: cursor {} is older than {} keeps orders; reading from {}", platform.displayName(),
                    shop.shopId(), cursor, platform.displayName(), now.minus(history));
            from = now.minus(history);
        }
        Batch batch = new Batch(shop);
        while (from.isBefore(now)) {
            Instant to = from.plus(settings.windowLength());
            to = to.isAfter(now) ? now : to;
            reader.readWindow(shop, from, to, batch);
            // every order of the window is stored: a crash before this line reads the window again
            if (cursor == null || to.isAfter(cursor)) {
                shops.advanceSyncCursor(platform, shop.shopId(), to);
                cursor = to;
            }
            from = to;
        }
        SyncReport report = batch.report(cursor);
        if (report.fetched() > 0) {
            log.info("{} shop {} synchronised: {} fetched, {} stored, {} dead-lettered, cursor {}",
                    platform.displayName(), shop.shopId(), report.fetched(), report.stored(), report.deadLettered(),
                    cursor);
        }
        return report;
    }

    /** What one sync has read and stored so far; safe to use from several threads of one sync. */
    public final class Batch {
        private final ShopAccount shop;
        private int fetched;
        private int stored;
        private int deadLettered;

        private Batch(ShopAccount shop) {
            this.shop = shop;
        }

        /** Counts orders read from the platform, whether they are stored or dead-lettered. */
        public synchronized void fetched(int orders) {
            fetched += orders;
        }

        /** Stores a page at once: the store takes it in one transaction. */
        public void store(List<CanonicalOrder> page) {
            int written = (int) intake.receiveAll(page).stream().filter(IntakeOutcome::stored).count();
            synchronized (this) {
                stored += written;
            }
        }

        /** Keeps an order that cannot be mapped, so one bad order does not hold up the rest. */
        public void deadLetter(String rawMessage, String reason) {
            log.warn("{} order of shop {} dead-lettered: {}", platform.displayName(), shop.shopId(), reason);
            intake.deadLetter(new DeadLetter(platform, shop.shopId(), "poll", rawMessage, reason, clock.instant()));
            synchronized (this) {
                deadLettered++;
            }
        }

        private synchronized SyncReport report(Instant cursor) {
            return new SyncReport(fetched, stored, deadLettered, cursor);
        }
    }
}
