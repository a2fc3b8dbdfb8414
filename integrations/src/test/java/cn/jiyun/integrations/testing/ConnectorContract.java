package cn.jiyun.integrations.testing;

import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.SyncReport;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.ConnectorSkeleton;
import cn.jiyun.integrations.sync.PlatformRoutes;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every platform connector owes, whatever its wire format: the same scenarios run against each
 * platform's WireMock stubs, through the platform's routes as fulfillment (its {@code PlatformSync}), the
 * timer (the poll) and the platform (the webhook) drive them. A platform passes it with a subclass in its
 * package that says how its API answers each case; a new platform adds its stubs and nothing more.
 *
 * <p>Each scenario uses shops of its own, so the scenarios share one application. Pages are two orders,
 * windows an hour, the backfill two hours; the client tries twice and the route redelivers once.
 */
public abstract class ConnectorContract {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    protected PlatformRoutes routes;
    @Autowired
    protected ConnectorSkeleton skeleton;
    @Autowired
    protected ProducerTemplate camel;
    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The settings every platform runs the contract with; the subclass adds its credentials. */
    protected static void contractSettings(DynamicPropertyRegistry registry, Platform platform, WireMockServer api) {
        String prefix = ConnectorSettings.prefix(platform) + ".";
        registry.add(prefix + "base-url", api::baseUrl);
        registry.add(prefix + "polling-enabled", () -> "false");
        registry.add(prefix + "page-size", () -> "2");
        registry.add(prefix + "window-length", () -> "1h");
        registry.add(prefix + "backfill", () -> "2h");
        registry.add(prefix + "read-timeout", () -> "2s");
        registry.add(prefix + "retry.max-attempts", () -> "2");
        registry.add(prefix + "retry.initial-backoff", () -> "1ms");
        registry.add(prefix + "retry.max-backoff", () -> "5ms");
        registry.add(prefix + "redelivery.max-redeliveries", () -> "1");
        registry.add(prefix + "redelivery.delay", () -> "10ms");
    }

    // --- what the platform's stubs say ---------------------------------------------------------------

    protected abstract Platform platform();

    protected abstract WireMockServer api();

    protected abstract InMemoryIntake intake();

    protected abstract InMemoryShopAccounts shops();

    /** The shop's order list (with access token {@code at-<shop>}) answers these orders, two a page, in any window. */
    protected abstract void answersOrders(String shopId, String... orderIds);

    /** The list fails once with a 5xx, then answers the order. */
    protected abstract void answersOnceUnavailableThenOrder(String shopId, String orderId);

    /** The shop's access token is refused as expired; a refresh hands a new one, with which the list answers. */
    protected abstract void answersTokenExpiredThenOrder(String shopId, String orderId);

    /** The platform says the seller withdrew the authorisation. */
    protected abstract void answersRevoked(String shopId);

    /** The list answers 5xx, always. */
    protected abstract void answersUnavailable(String shopId);

    /** The list refuses for a reason repeating will not change. */
    protected abstract void answersRefusal(String shopId);

    /** Calls of the shop's order list so far. */
    protected abstract int listCalls(String shopId);

    /** A push about an order of the shop, as the platform sends it, or forged when not {@code authentic}. */
    protected abstract HttpRequest.Builder push(URI webhook, String shopId, String messageId, boolean authentic);

    // --- the scenarios -------------------------------------------------------------------------------

    @BeforeEach
    void freshPlatform() {
        api().resetAll();
    }

    @Test
    void pagesThroughAWindowAndStoresEveryOrderOnce() {
        String shop = shop(recentCursor());
        answersOrders(shop, "7100000000000000001", "7100000000000000002", "7100000000000000003");
        Instant started = now();

        SyncReport report = sync(shop).orElseThrow();

        assertThat(report.fetched()).isEqualTo(3);
        assertThat(report.stored()).isEqualTo(3);
        assertThat(ordersOf(shop)).isEqualTo(3);
        assertThat(report.cursor()).isBetween(started, now());
        assertThat(shops().shop(platform(), shop).syncCursor()).isEqualTo(report.cursor());
        assertThat(listCalls(shop)).as("two pages").isEqualTo(2);
    }

    @Test
    void readsANewShopFromTheBackfillWindowByWindowAndStoresAnOrderSeenTwiceOnce() {
        String shop = shop(null);
        answersOrders(shop, "7100000000000000011");
        Instant started = now();

        SyncReport report = sync(shop).orElseThrow();

        assertThat(listCalls(shop)).as("two one-hour windows").isEqualTo(2);
        assertThat(report.fetched()).isEqualTo(2);
        assertThat(report.stored()).isEqualTo(1);
        assertThat(ordersOf(shop)).isEqualTo(1);
        assertThat(report.cursor()).isBetween(started, now());
        assertThat(shops().shop(platform(), shop).syncCursor()).isEqualTo(report.cursor());
    }

    @Test
    void ridesOutAPassingFault() {
        String shop = shop(recentCursor());
        answersOnceUnavailableThenOrder(shop, "7100000000000000021");

        assertThat(sync(shop)).hasValueSatisfying(report -> assertThat(report.stored()).isEqualTo(1));
        assertThat(deadLettersOf(shop)).isEmpty();
    }

    @Test
    void refreshesAnExpiredTokenAndStoresTheNewOneBeforeUsingIt() {
        String shop = shop(recentCursor());
        answersTokenExpiredThenOrder(shop, "7100000000000000031");

        assertThat(sync(shop)).hasValueSatisfying(report -> assertThat(report.stored()).isEqualTo(1));
        assertThat(shops().shop(platform(), shop).accessToken()).isNotEqualTo(token(shop));
        assertThat(deadLettersOf(shop)).isEmpty();
    }

    @Test
    void marksARevokedShopWithoutDeadLetterAndLeavesItAloneAfterwards() {
        String shop = shop(recentCursor());
        answersRevoked(shop);

        assertThat(sync(shop)).isEmpty();
        int calls = listCalls(shop);
        assertThat(sync(shop)).isEmpty();

        assertThat(shops().revocationReason(platform(), shop)).isPresent();
        assertThat(deadLettersOf(shop)).isEmpty();
        assertThat(listCalls(shop)).as("no call for a shop awaiting re-authorisation").isEqualTo(calls);
    }

    @Test
    void redeliversWhileThePlatformIsUnavailableThenDeadLetters() {
        // one cursor: read twice, the clock may have passed a second between the readings
        Instant cursor = recentCursor();
        String shop = shop(cursor);
        answersUnavailable(shop);

        assertThat(sync(shop)).isEmpty();

        assertThat(listCalls(shop)).as("two attempts, delivered and redelivered once").isEqualTo(4);
        assertThat(deadLettersOf(shop)).singleElement().satisfies(letter -> assertThat(letter.source())
                .isEqualTo("request"));
        assertThat(shops().shop(platform(), shop).syncCursor()).isEqualTo(cursor);
    }

    @Test
    void deadLettersAPermanentRefusalAtOnce() {
        String shop = shop(recentCursor());
        answersRefusal(shop);

        assertThat(sync(shop)).isEmpty();

        assertThat(listCalls(shop)).isEqualTo(1);
        assertThat(deadLettersOf(shop)).hasSize(1);
    }

    @Test
    void deadLettersASyncOfAShopJiyunDoesNotKnow() {
        String unknown = String.valueOf(79_000_000 + SHOPS.incrementAndGet());

        assertThat(sync(unknown)).isEmpty();

        assertThat(deadLettersOf(unknown)).singleElement().satisfies(letter -> assertThat(letter.reason())
                .contains("no " + platform().displayName() + " shop " + unknown + " is registered"));
    }

    @Test
    void pollsEveryActiveShopAndOneFailingShopDoesNotStopTheOthers() {
        String failing = shop(recentCursor());
        answersUnavailable(failing);
        String healthy = shop(recentCursor());
        answersOrders(healthy, "7100000000000000041");

        camel.sendBody(routes.pollEndpoint(), null);

        assertThat(ordersOf(healthy)).isEqualTo(1);
        assertThat(deadLettersOf(failing)).singleElement().satisfies(letter -> assertThat(letter.source())
                .isEqualTo("poll"));
    }

    @Test
    void synchronisesTheShopASignedPushNames() throws Exception {
        String shop = shop(recentCursor());
        answersOrders(shop, "7100000000000000051");

        HttpResponse<String> answer = deliver(push(webhook(), shop, messageId(), true));

        assertThat(answer.statusCode()).isEqualTo(200);
        await().atMost(10, TimeUnit.SECONDS).until(() -> ordersOf(shop) == 1);
    }

    @Test
    void refusesAForgedPushAndChangesNothing() throws Exception {
        String shop = shop(recentCursor());
        answersOrders(shop, "7100000000000000061");

        HttpResponse<String> answer = deliver(push(webhook(), shop, messageId(), false));
        awaitEarlierHints();

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(listCalls(shop)).isZero();
        assertThat(deadLettersOf(shop)).isEmpty();
    }

    @Test
    void synchronisesOnceForAPushDeliveredTwice() throws Exception {
        String shop = shop(recentCursor());
        answersOrders(shop, "7100000000000000071");
        String messageId = messageId();

        assertThat(deliver(push(webhook(), shop, messageId, true)).statusCode()).isEqualTo(200);
        assertThat(deliver(push(webhook(), shop, messageId, true)).statusCode()).isEqualTo(200);
        awaitEarlierHints();

        assertThat(listCalls(shop)).isEqualTo(1);
        assertThat(ordersOf(shop)).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------------

    protected Instant now() {
        return skeleton.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    protected static String token(String shopId) {
        return "at-" + shopId;
    }

    private Instant recentCursor() {
        return now().minus(Duration.ofMinutes(20));
    }

    /** A shop Jiyun holds tokens for, with ids only this scenario uses. */
    private String shop(Instant cursor) {
        String shopId = String.valueOf(71_000_000 + SHOPS.incrementAndGet());
        shops().add(new ShopAccount(platform(), shopId, token(shopId), "rt-" + shopId,
                now().plus(Duration.ofDays(5)), cursor));
        return shopId;
    }

    private Optional<SyncReport> sync(String shopId) {
        try {
            return routes.synchronise(shopId).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sync of " + shopId + " did not finish", e);
        }
    }

    private long ordersOf(String shopId) {
        return intake().orders().keySet().stream().filter(key -> key.shopId().equals(shopId)).count();
    }

    private List<DeadLetter> deadLettersOf(String shopId) {
        return intake().deadLetters().stream().filter(letter -> letter.shopId().equals(shopId)).toList();
    }

    private URI webhook() {
        return URI.create("http://localhost:" + port + routes.webhookPath());
    }

    private static String messageId() {
        return "7" + System.nanoTime();
    }

    private HttpResponse<String> deliver(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Hints are synchronised one at a time in arrival order: once a later one is done, so is every earlier one. */
    private void awaitEarlierHints() throws Exception {
        String barrier = shop(recentCursor());
        answersOrders(barrier, "7100000000000000099");
        assertThat(deliver(push(webhook(), barrier, messageId(), true)).statusCode()).isEqualTo(200);
        await().atMost(10, TimeUnit.SECONDS).until(() -> ordersOf(barrier) == 1);
    }
}
