package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.SandboxOrder.State;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Douyin, Kuaishou and WeChat Channels in one in-process WireMock server, for the demo: the
 * connectors' base URLs are {@code http://localhost:PORT/douyin}, {@code …/kuaishou} and
 * {@code …/wechat}. Every answer is generated from the order book in the platform's wire format,
 * after checking signature, app key and token as the platform does.
 *
 * <p>{@link #start} fills each shop with a day's backlog of paid orders; a timer then adds one order
 * per {@code order-interval}, the platforms taking turns, and now and then cancels a waiting one.
 * Waybills written back appear in later reads as shipped. {@link #stop} ends server and timer.
 */
public final class PlatformSandbox implements AutoCloseable {

    public static final String DOUYIN_PREFIX = SandboxApi.prefix(Platform.DOUYIN);
    public static final String KUAISHOU_PREFIX = SandboxApi.prefix(Platform.KUAISHOU);
    public static final String WECHAT_PREFIX = SandboxApi.prefix(Platform.WECHAT);

    private static final Logger log = LoggerFactory.getLogger(PlatformSandbox.class);
    /** A waiting order is only cancelled once the buyer had a moment to change their mind. */
    private static final Duration CANCEL_AFTER = Duration.ofMinutes(2);
    /** After a long pause (a laptop asleep) the timer skips ahead rather than flood the demo. */
    private static final int MOST_ORDERS_PER_CATCH_UP = 30;
    private static final int PUSHES_KEPT = 500;

    private final SandboxProperties properties;
    private final SandboxCredentials credentials = SandboxCredentials.DEMO;
    private final Clock clock;
    private final List<SandboxWriteBack> writeBacks = new CopyOnWriteArrayList<>();
    /** The latest pushes only: the demo runs for hours. */
    private final Deque<SandboxPush> pushes = new ConcurrentLinkedDeque<>();

    private WireMockServer server;
    private ScheduledExecutorService timer;
    private ScheduledExecutorService trackingTimer;
    private TrackingSandbox tracking;
    private SandboxWebhooks webhooks;
    private OrderBook book;
    private OrderGenerator generator;
    private SandboxCatalogue catalogue;
    private SandboxTokens tokens;
    private WechatShopApps wechatShopApps;
    private int shopsOpened;
    private Instant nextOrderDue;

    public PlatformSandbox(SandboxProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public PlatformSandbox(SandboxProperties properties, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fills the order book with the catalogue's backlog, starts serving and, when an interval is
     * set, starts the order timer. Does nothing when already running.
     */
    public synchronized void start(SandboxCatalogue catalogue) {
        start(catalogue, List.of());
    }

    /**
     * Starts as {@link #start(SandboxCatalogue)}, with orders the platforms had before this start:
     * ones a store already holds (the demo's first orders, or an earlier run's), so that they can be
     * fetched and shipped like the rest. An order the backlog already has is kept as the backlog made it.
     */
    public synchronized void start(SandboxCatalogue catalogue, List<SandboxOrder> known) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(known, "known");
        if (server != null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        book = new OrderBook();
        generator = new OrderGenerator(properties.seed(), catalogue);
        for (SandboxCatalogue.Shop shop : catalogue.shops()) {
            generator.backlog(shop, properties.backlogPerShop(), now).forEach(book::add);
        }
        for (SandboxOrder order : known) {
            if (book.find(order.platform(), order.shopId(), order.orderId()).isEmpty()) {
                book.add(order);
            }
        }
        this.catalogue = catalogue;
        tokens = new SandboxTokens(clock);
        tokens.register(catalogue);
        tracking = new TrackingSandbox(clock);
        wechatShopApps = wechatShopApps(tokens);
        Map<String, Function<WireRequest, WireAnswer>> apis = apis(tokens);
        apis.putAll(new SandboxAuthorisePages(credentials, new SandboxAuthorisePages.Shops() {
            @Override
            public List<SandboxCatalogue.Shop> shops(Platform platform) {
                synchronized (PlatformSandbox.this) {
                    return PlatformSandbox.this.catalogue.shops(platform);
                }
            }

            @Override
            public SandboxCatalogue.Shop open(Platform platform) {
                return openShop(platform);
            }

            @Override
            public String issueCode(Platform platform, String shopId) {
                return tokens.issueCode(platform, shopId);
            }
        }).paths());
        apis.putAll(tracking.paths());
        apis.putAll(wechatShopApps.consolePaths());
        WireMockServer started = new WireMockServer(WireMockConfiguration.options()
                .port(properties.port())
                .bindAddress("127.0.0.1")
                // the demo runs for hours: keep no journal of the requests
                .disableRequestJournal()
                .notifier(new LogNotifier())
                .extensions(new SandboxResponder(apis)));
        try {
            started.start();
            stubEveryApi(started, apis.keySet());
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        server = started;
        if (properties.webhookCallback() != null) {
            webhooks = new SandboxWebhooks(properties.webhookCallback(), credentials, clock, this::recordPush);
            book.onChange(webhooks::push);
        }
        nextOrderDue = now.plus(properties.orderInterval());
        if (properties.generatesOnTimer()) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "platform-sandbox-orders");
                thread.setDaemon(true);
                return thread;
            });
            long every = properties.orderInterval().toMillis();
            timer.scheduleWithFixedDelay(this::catchUpQuietly, every, every, TimeUnit.MILLISECONDS);
        }
        if (properties.movesParcelsOnTimer()) {
            trackingTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "platform-sandbox-tracking");
                thread.setDaemon(true);
                return thread;
            });
            long every = properties.trackingStep().toMillis();
            trackingTimer.scheduleWithFixedDelay(this::moveParcelsQuietly, every, every, TimeUnit.MILLISECONDS);
        }
        log.info("Platform sandbox serving {} shops on port {} ({} orders in the backlog, a new one every {})",
                catalogue.shops().size(), server.port(), book.all().size(),
                properties.generatesOnTimer() ? properties.orderInterval() : "call");
    }

    /** Stops the timer, the pushes and the server. Safe to call twice, or before {@link #start}. */
    public void stop() {
        List<ScheduledExecutorService> stopping = new ArrayList<>();
        synchronized (this) {
            if (timer != null) {
                stopping.add(timer);
            }
            if (trackingTimer != null) {
                stopping.add(trackingTimer);
            }
            timer = null;
            trackingTimer = null;
        }
        // outside the lock: a turn of the timer may be waiting for it
        for (ScheduledExecutorService each : stopping) {
            each.shutdownNow();
            try {
                each.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (webhooks != null) {
                webhooks.close();
                webhooks = null;
            }
            if (server != null) {
                server.stop();
                server = null;
                log.info("Platform sandbox stopped");
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** The port the sandbox listens on; the actual one when configured as 0. */
    public synchronized int port() {
        return running().port();
    }

    /** What a connector's {@code base-url} must be to reach this platform here. */
    public String baseUrl(Platform platform) {
        return "http://localhost:" + port() + prefix(platform);
    }

    /** What {@code jiyun.tracking.kuaidi100.base-url} must be to subscribe waybills here. */
    public String trackingBaseUrl() {
        return "http://localhost:" + port() + "/kuaidi100";
    }

    /** The authorisation key the sandbox's Kuaidi100 takes ({@code jiyun.tracking.kuaidi100.key}). */
    public static String trackingKey() {
        return TrackingSandbox.DEMO_KEY;
    }

    /**
     * Moves every followed parcel on by one scan and pushes it, as the tracking timer does each
     * {@code tracking-step}; tests without a timer call it themselves.
     */
    public void moveParcels() {
        TrackingSandbox serving;
        synchronized (this) {
            running();
            serving = tracking;
        }
        // outside the lock: the pushes reach Jiyun, whose handling must not wait for the sandbox
        synchronized (serving) {
            serving.step();
        }
    }

    /** The latest pushes of the tracking aggregator to Jiyun's callback, oldest first. */
    public List<SandboxTrackingPush> trackingPushes() {
        TrackingSandbox serving;
        synchronized (this) {
            serving = tracking;
        }
        return serving == null ? List.of() : serving.pushes();
    }

    /** The {@code jiyun.platforms.*} settings that point the three connectors at this sandbox. */
    public Map<String, String> connectorProperties() {
        return SandboxProperties.connectorProperties(port());
    }

    public SandboxCredentials credentials() {
        return credentials;
    }

    /**
     * Adds every order that fell due on the clock since the last one, one per order interval,
     * and returns them. The timer calls this; tests advance the clock and call it themselves.
     */
    public synchronized List<SandboxOrder> catchUp() {
        running();
        List<SandboxOrder> added = new ArrayList<>();
        if (!properties.generatesOnTimer()) {
            return added;
        }
        Instant now = clock.instant();
        if (catalogue.shops().isEmpty()) {
            // nobody sells here yet: the first order comes one interval after the first shop opens
            nextOrderDue = now.plus(properties.orderInterval());
            return added;
        }
        if (Duration.between(nextOrderDue, now).compareTo(properties.orderInterval().multipliedBy(MOST_ORDERS_PER_CATCH_UP)) > 0) {
            nextOrderDue = now.minus(properties.orderInterval().multipliedBy(MOST_ORDERS_PER_CATCH_UP - 1));
        }
        while (!nextOrderDue.isAfter(now)) {
            added.add(step(nextOrderDue.truncatedTo(ChronoUnit.SECONDS)));
            nextOrderDue = nextOrderDue.plus(properties.orderInterval());
        }
        return added;
    }

    /**
     * Opens a new shop on the platform, selling what its first shop sells (or {@link SandboxCatalogue#FIRST_SHOP_SKUS}
     * when it has none yet), with a backlog of paid orders: the shop a seller creates on the sandbox's authorise page.
     * Its tokens are issued when its code is spent.
     */
    public synchronized SandboxCatalogue.Shop openShop(Platform platform) {
        running();
        // on a fresh store the platform has no shop yet to copy
        List<SandboxCatalogue.Sku> skus = catalogue.shops(platform).stream().findFirst()
                .map(SandboxCatalogue.Shop::skus).orElse(SandboxCatalogue.FIRST_SHOP_SKUS);
        String shopId;
        do {
            shopsOpened++;
            shopId = (platform == Platform.WECHAT ? "wxshop" : "") + (platform == Platform.KUAISHOU ? "5120" : "7320")
                    + String.format("%06d", shopsOpened);
        } while (catalogue.shop(platform, shopId).isPresent());
        SandboxCatalogue.Shop shop = new SandboxCatalogue.Shop(platform, shopId, "opened-" + shopId, "", skus);
        java.util.List<SandboxCatalogue.Shop> shops = new ArrayList<>(catalogue.shops());
        shops.add(shop);
        catalogue = new SandboxCatalogue(shops);
        generator.open(shop);
        // not pushed: the shop is not authorised to Jiyun yet, whose first sync of it reads the backlog
        generator.backlog(shop, properties.backlogPerShop(), clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .forEach(book::addPast);
        log.info("Sandbox opened {} shop {}", platform, shopId);
        return shop;
    }

    /** Adds {@code count} new paid orders now, as the timer would, and returns them. */
    public synchronized List<SandboxOrder> generateOrders(int count) {
        running();
        if (count > 0 && catalogue.shops().isEmpty()) {
            throw new IllegalStateException("the sandbox has no shop to order from yet");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<SandboxOrder> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            added.add(step(now));
        }
        return added;
    }

    /** The buyer cancels a waiting order now; empty when it is not waiting to ship. */
    public synchronized Optional<SandboxOrder> cancel(Platform platform, String shopId, String orderId) {
        running();
        Optional<SandboxOrder> order = book.find(platform, shopId, orderId);
        if (order.isEmpty() || !book.cancel(order.get(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                generator.cancelReason())) {
            return Optional.empty();
        }
        return book.find(platform, shopId, orderId);
    }

    /** The shop's orders as the platform holds them now, in the order they were placed. */
    public synchronized List<SandboxOrder> orders(Platform platform, String shopId) {
        running();
        return book.orders(platform, shopId);
    }

    public synchronized Optional<SandboxOrder> order(Platform platform, String shopId, String orderId) {
        running();
        return book.find(platform, shopId, orderId);
    }

    /** Every ship-confirm the platforms accepted, repeats included, oldest first. */
    public List<SandboxWriteBack> writeBacks() {
        return List.copyOf(writeBacks);
    }

    /** The latest pushes to Jiyun's webhooks and their answers, oldest first; empty without a webhook callback. */
    public List<SandboxPush> pushes() {
        return List.copyOf(pushes);
    }

    private void recordPush(SandboxPush push) {
        pushes.addLast(push);
        while (pushes.size() > PUSHES_KEPT) {
            pushes.pollFirst();
        }
    }

    private SandboxOrder step(Instant at) {
        SandboxOrder order = generator.next(at);
        book.add(order);
        if (generator.cancelsNow()) {
            Instant waitedLongEnough = at.minus(CANCEL_AFTER);
            List<SandboxOrder> waiting = book.all().stream()
                    .filter(o -> o.state() == State.PAID && !o.paidAt().isAfter(waitedLongEnough))
                    .toList();
            if (!waiting.isEmpty()) {
                book.cancel(generator.pick(waiting), at, generator.cancelReason());
            }
        }
        return order;
    }

    private void moveParcelsQuietly() {
        if (!isRunning()) {
            return;
        }
        try {
            moveParcels();
        } catch (RuntimeException e) {
            log.warn("Platform sandbox could not move the parcels on", e);
        }
    }

    private void catchUpQuietly() {
        if (!isRunning()) {
            return;
        }
        try {
            List<SandboxOrder> added = catchUp();
            added.forEach(o -> log.debug("Sandbox {} shop {} has a new order {}", o.platform(), o.shopId(), o.orderId()));
        } catch (RuntimeException e) {
            // the timer must live on: one failed turn only means one order fewer
            log.warn("Platform sandbox could not add an order", e);
        }
    }

    private WechatShopApps wechatShopApps(SandboxTokens tokens) {
        return new WechatShopApps(tokens, new WechatShopApps.Shops() {
            @Override
            public List<SandboxCatalogue.Shop> shops() {
                synchronized (PlatformSandbox.this) {
                    return catalogue.shops(Platform.WECHAT);
                }
            }

            @Override
            public SandboxCatalogue.Shop open() {
                return openShop(Platform.WECHAT);
            }
        });
    }

    /**
     * The appid and AppSecret of a WeChat shop's self-built app here, as the sandbox's shop console
     * ({@code /wechat/shop-console/self-built-apps}) shows them to its owner.
     */
    public static AppCredentials wechatShopApp(String shopId) {
        return WechatShopApps.appOf(shopId);
    }

    /** Where the sandbox's WeChat shop console lists each shop's self-built app. */
    public String wechatShopConsole() {
        return "http://localhost:" + port() + WechatShopApps.CONSOLE_PATH;
    }

    /** Every platform's paths under its prefix, e.g. {@code /douyin/order/searchList}. */
    private Map<String, Function<WireRequest, WireAnswer>> apis(SandboxTokens tokens) {
        SandboxApi.Parts parts = new SandboxApi.Parts(credentials, book, tokens, clock, writeBacks::add,
                new EWaybillLedger(book));
        Map<String, Function<WireRequest, WireAnswer>> apis = new LinkedHashMap<>();
        for (SandboxApi api : List.of(new DouyinSandboxApi(parts), new KuaishouSandboxApi(parts),
                new WechatSandboxApi(parts, wechatShopApps))) {
            api.paths().forEach((path, handler) -> apis.put(SandboxApi.prefix(api.platform) + path, handler));
        }
        return apis;
    }

    /** One stub per API path, any HTTP method, so a wrong method gets the platform's own refusal. */
    private static void stubEveryApi(WireMockServer target, Iterable<String> paths) {
        for (String path : paths) {
            target.stubFor(WireMock.any(urlPathEqualTo(path))
                    .willReturn(aResponse().withTransformers(SandboxResponder.NAME)
                            .withTransformerParameter(SandboxResponder.API, path)));
        }
    }

    private static String prefix(Platform platform) {
        if (platform == Platform.SPREADSHEET) {
            throw new IllegalArgumentException("the sandbox does not serve " + platform);
        }
        return SandboxApi.prefix(platform);
    }

    private WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException("the platform sandbox is not started");
        }
        return server;
    }

    @Override
    public String toString() {
        return "PlatformSandbox[" + (server == null ? "stopped" : "port " + server.port()) + "]";
    }

    /** WireMock's own log lines, into the application's log (its shaded SLF4J would drop them). */
    private static final class LogNotifier implements Notifier {
        @Override
        public void info(String message) {
            log.debug(message);
        }

        @Override
        public void error(String message) {
            log.warn(message);
        }

        @Override
        public void error(String message, Throwable t) {
            log.warn(message, t);
        }
    }
}
