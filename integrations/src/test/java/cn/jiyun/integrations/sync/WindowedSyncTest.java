package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The windowed sync on its own, with a reader that stands in for a platform. */
class WindowedSyncTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final InMemoryIntake intake = new InMemoryIntake();
    private final InMemoryShopAccounts shops = new InMemoryShopAccounts();
    private final List<Instant[]> windowsRead = new ArrayList<>();

    private WindowedSync windows(Duration history) {
        ConnectorSettings settings = ConnectorSettings.of(Platform.KUAISHOU, Map.of("base-url", "http://localhost",
                "window-length", "1h", "window-overlap", "10m", "backfill", "3h"), Map.of());
        return new WindowedSync(Platform.KUAISHOU, settings, history, shops, intake, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ShopAccount shop(Instant cursor) {
        ShopAccount shop = new ShopAccount(Platform.KUAISHOU, "1", "at", "rt", null, cursor);
        shops.add(shop);
        return shop;
    }

    private static CanonicalOrder order(String id) {
        return new CanonicalOrder(Platform.KUAISHOU, "1", id, PlatformOrderStatus.PAID, NOW, NOW, NOW, null,
                List.of(new OrderLine("SKU-1", "滩羊", 1, 100)), 100, "", "", "{}");
    }

    @Test
    void readsFromTheBackfillInWindowsAndMovesTheCursorAfterEachOne() {
        ShopAccount shop = shop(null);

        SyncReport report = windows(null).synchronise(shop, (s, from, to, batch) -> {
            windowsRead.add(new Instant[]{from, to});
            batch.fetched(1);
            batch.store(List.of(order("o-" + from.getEpochSecond())));
        });

        assertThat(windowsRead).hasSize(3);
        assertThat(windowsRead.get(0)[0]).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(windowsRead.get(2)[1]).isEqualTo(NOW);
        assertThat(report).isEqualTo(new SyncReport(3, 3, 0, NOW));
        assertThat(shops.shop(Platform.KUAISHOU, "1").syncCursor()).isEqualTo(NOW);
    }

    @Test
    void startsTheOverlapBeforeTheCursorTheStoreHoldsNotTheOneTheCallerSaw() {
        ShopAccount stale = shop(NOW.minus(Duration.ofHours(5)));
        shops.advanceSyncCursor(Platform.KUAISHOU, "1", NOW.minus(Duration.ofMinutes(30)));

        windows(null).synchronise(stale, (s, from, to, batch) -> windowsRead.add(new Instant[]{from, to}));

        assertThat(windowsRead).singleElement().satisfies(window ->
                assertThat(window[0]).isEqualTo(NOW.minus(Duration.ofMinutes(40))));
    }

    @Test
    void keepsTheCursorAtTheLastStoredWindowWhenALaterOneFails() {
        ShopAccount shop = shop(null);

        assertThatThrownBy(() -> windows(null).synchronise(shop, (s, from, to, batch) -> {
            if (to.equals(NOW)) {
                throw new PlatformException(Platform.KUAISHOU, "http-503", "down", true);
            }
        })).isInstanceOf(PlatformException.class);

        assertThat(shops.shop(Platform.KUAISHOU, "1").syncCursor()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void readsNoFurtherBackThanThePlatformKeepsOrders() {
        ShopAccount shop = shop(NOW.minus(Duration.ofDays(200)));

        windows(Duration.ofHours(2)).synchronise(shop, (s, from, to, batch) -> windowsRead.add(new Instant[]{from, to}));

        assertThat(windowsRead.get(0)[0]).isEqualTo(NOW.minus(Duration.ofHours(2)));
    }

    @Test
    void countsDeadLettersAndStoresTheRestOfThePage() {
        ShopAccount shop = shop(NOW.minus(Duration.ofMinutes(20)));

        SyncReport report = windows(null).synchronise(shop, (s, from, to, batch) -> {
            batch.fetched(2);
            batch.deadLetter("{\"broken\":true}", "no sku");
            batch.store(List.of(order("o-1")));
        });

        assertThat(report).isEqualTo(new SyncReport(2, 1, 1, NOW));
        assertThat(intake.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo("poll");
            assertThat(letter.shopId()).isEqualTo("1");
            assertThat(letter.reason()).isEqualTo("no sku");
        });
    }
}
