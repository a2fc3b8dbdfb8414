package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.PlatformSync;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.SyncReport;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The flows every platform shares, written once and built for each platform from its parts: the poll of
 * every active shop, the webhook that turns verified pushes into sync hints, the hint queue, the sync of
 * one shop, and the dead letter every failure ends in. The error policy is in {@link #configure()} and in
 * {@code package-info.java}.
 *
 * <p>It is also the platform's {@link PlatformSync}: fulfillment asks it, never an endpoint name.
 *
 * <p>Not a Camel {@code routeTemplate}: a template takes text parameters and finds its processors as beans by
 * name, while these flows close over each platform's typed parts (connector, push reader, message-id store,
 * settings with their durations). One class built per platform is the template, checked by the compiler.
 */
public class PlatformRoutes extends RouteBuilder implements PlatformSync {

    /** Exchange properties, not headers, so that nothing an HTTP caller sends can set them. */
    static final String SHOP_ID = "jiyunShopId";
    static final String SOURCE = "jiyunSource";
    static final String RAW_MESSAGE = "jiyunRawMessage";

    private final Platform platform;
    private final ConnectorSettings settings;
    private final PlatformConnector connector;
    private final PushReader pushes;
    private final ShopAccounts shops;
    private final OrderIntake intake;
    private final IdempotentRepository messageIds;
    private final Clock clock;
    private ProducerTemplate producer;

    public PlatformRoutes(ConnectorSettings settings, PlatformConnector connector, PushReader pushes,
                          ShopAccounts shops, OrderIntake intake, IdempotentRepository messageIds, Clock clock) {
        this.platform = connector.platform();
        this.settings = settings;
        this.connector = connector;
        this.pushes = pushes;
        this.shops = shops;
        this.intake = intake;
        this.messageIds = messageIds;
        this.clock = clock;
    }

    /** Polls every active shop once; the timer sends here. */
    public String pollEndpoint() {
        return "direct:" + platform.key() + "-poll";
    }

    /** Synchronises one shop; the body is its shop id or its {@link ShopAccount}, the answer its {@link SyncReport}. */
    public String syncShopEndpoint() {
        return "direct:" + platform.key() + "-sync-shop";
    }

    public String webhookPath() {
        return "/webhooks/" + platform.key();
    }

    private String hintsEndpoint() {
        return "seda:" + platform.key() + "-sync-hints";
    }

    private String deadLetterEndpoint() {
        return "direct:" + platform.key() + "-dead-letter";
    }

    @Override
    public void configure() {
        String key = platform.key();
        ConnectorSettings.Redelivery redelivery = settings.redelivery();
        // Retryable failures (the platform stayed unavailable through the client's own retries) are
        // redelivered with back-off, then dead-lettered.
        errorHandler(deadLetterChannel(deadLetterEndpoint())
                .maximumRedeliveries(redelivery.maxRedeliveries())
                .redeliveryDelay(redelivery.delay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(redelivery.maxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        // The client already marked the shop; a person must re-authorise it, retrying cannot help.
        onException(AuthorisationRevokedException.class)
                .handled(true)
                .maximumRedeliveries(0)
                .log(LoggingLevel.WARN, platform.displayName() + " shop ${exchangeProperty." + SHOP_ID
                        + "} needs re-authorisation: ${exception.message}");
        // Refusals the same call would meet again, and unknown shops: straight to the dead letter.
        onException(PlatformException.class, IllegalArgumentException.class)
                .onWhen(exchange -> !isRetryable(exchange.getException()))
                .maximumRedeliveries(0);

        from("timer:" + key + "-poll?period=" + settings.pollInterval().toMillis()
                + "&delay=" + settings.pollInitialDelay().toMillis())
                .routeId(key + "-poll-timer")
                .autoStartup(settings.pollingEnabled())
                .to(pollEndpoint());

        from(pollEndpoint())
                .routeId(key + "-poll")
                .setBody(exchange -> shops.activeShops(platform))
                // each shop is its own exchange: one failing shop is settled on its own, the others go on
                .split(body())
                    .setProperty(SOURCE, constant("poll"))
                    .to(syncShopEndpoint())
                .end();

        from("platform-http:" + webhookPath() + "?httpMethodRestrict=POST")
                .routeId(key + "-webhook")
                // answered here and never redelivered: the platforms wait only a few seconds
                .errorHandler(noErrorHandler())
                .setProperty(SOURCE, constant("webhook"))
                .doTry()
                    .process(this::readPush)
                    .split(body()).stopOnException()
                        .idempotentConsumer(simple("${body.messageId}"), messageIds)
                            .to(ExchangePattern.InOnly, hintsEndpoint())
                        .end()
                    .end()
                    .process(answer(pushes.acknowledged()))
                .endDoTry()
                .doCatch(PushRefusedException.class)
                    .log(LoggingLevel.WARN, "Refused a " + platform.displayName() + " push: ${exception.message}")
                    .process(answer(pushes.refused()))
                .doCatch(UnreadablePushException.class)
                    // sending it again would not make it readable; polling still finds the orders
                    .process(exchange -> exchange.setProperty(RAW_MESSAGE, exchange.getProperty(
                            Exchange.EXCEPTION_CAUGHT, UnreadablePushException.class).pushMessage()))
                    .to(deadLetterEndpoint())
                    .process(answer(pushes.acknowledged()))
                .doCatch(Exception.class)
                    // our own failure: kept, and the platform pushes again later
                    .to(deadLetterEndpoint())
                    .process(answer(WebhookAnswer.RETRY_LATER))
                .end();

        if (pushes.verifiesUrl()) {
            from("platform-http:" + webhookPath() + "?httpMethodRestrict=GET")
                    .routeId(key + "-webhook-url-check")
                    .errorHandler(noErrorHandler())
                    .doTry()
                        .process(exchange -> answer(exchange.getMessage(), WebhookAnswer.text(200,
                                pushes.verifyUrl(push(exchange.getMessage())))))
                    .doCatch(PushRefusedException.class)
                        .process(answer(pushes.refused()))
                    .end();
        }

        from(hintsEndpoint())
                .routeId(key + "-sync-hints")
                .setProperty(SOURCE, constant("webhook"))
                .setProperty(RAW_MESSAGE, simple("${body.message}"))
                .setBody(exchange -> shopsConcerned(exchange.getMessage().getBody(SyncHint.class)))
                .split(body())
                    .to(syncShopEndpoint())
                .end();

        from(syncShopEndpoint())
                .routeId(key + "-sync-shop")
                .process(this::synchroniseShop);

        from(deadLetterEndpoint())
                .routeId(key + "-dead-letter")
                .process(this::deadLetter);
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public CompletableFuture<Optional<SyncReport>> synchronise(String shopId) {
        return producer().asyncRequestBody(syncShopEndpoint(), shopId)
                .thenApply(answer -> answer instanceof SyncReport report ? Optional.of(report) : Optional.empty());
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = getContext().createProducerTemplate();
        }
        return producer;
    }

    private void readPush(Exchange exchange) {
        Push push = push(exchange.getMessage());
        exchange.setProperty(RAW_MESSAGE, push.text());
        exchange.getMessage().setBody(pushes.read(push));
    }

    private static Push push(Message message) {
        return new Push(message.getBody(byte[].class), name -> message.getHeader(name, String.class));
    }

    /** The shop the hint names when Jiyun knows it, else every active shop or (for the dead letter) the first named. */
    private List<String> shopsConcerned(SyncHint hint) {
        for (String shopId : hint.shopIds()) {
            if (shops.find(platform, shopId).isPresent()) {
                return List.of(shopId);
            }
        }
        if (hint.everyShopIfUnknown()) {
            return shops.activeShops(platform).stream().map(ShopAccount::shopId).toList();
        }
        if (hint.shopIds().isEmpty()) {
            throw new IllegalArgumentException(platform.displayName() + " push " + hint.messageId() + " names no shop");
        }
        return List.of(hint.shopIds().get(0));
    }

    private void synchroniseShop(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String shopId = body instanceof ShopAccount account ? account.shopId()
                : exchange.getMessage().getBody(String.class);
        if (shopId == null || shopId.isBlank()) {
            throw new IllegalArgumentException(syncShopEndpoint() + " needs a shop id or a ShopAccount, not " + body);
        }
        exchange.setProperty(SHOP_ID, shopId.trim());
        if (exchange.getProperty(SOURCE) == null) {
            exchange.setProperty(SOURCE, "request");
        }
        ShopAccount shop = shops.find(platform, shopId.trim()).orElseThrow(() -> new IllegalArgumentException(
                "no " + platform.displayName() + " shop " + shopId + " is registered; authorise the shop in Jiyun, "
                        + "then retry"));
        // the poll hands active shops; any other request may name one waiting for re-authorisation
        boolean active = body instanceof ShopAccount
                || shops.activeShops(platform).stream().anyMatch(s -> s.shopId().equals(shop.shopId()));
        if (!active) {
            log.info("{} shop {} is not active; not synchronising it", platform.displayName(), shop.shopId());
            exchange.getMessage().setBody(null);
            return;
        }
        exchange.getMessage().setBody(connector.synchronise(shop));
    }

    private void deadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String shopId = exchange.getProperty(SHOP_ID, "", String.class);
        String raw = exchange.getProperty(RAW_MESSAGE, String.class);
        if (raw == null) {
            raw = shopId.isEmpty() ? exchange.getMessage().getBody(String.class)
                    : "sync of " + platform.displayName() + " shop " + shopId;
        }
        String reason = cause == null ? "failed without an exception"
                : Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
        String source = exchange.getProperty(SOURCE, "", String.class);
        intake.deadLetter(new DeadLetter(platform, shopId, source, raw, reason, clock.instant()));
        log.warn("{} {} dead-lettered for shop {}: {}", platform.displayName(), source, shopId, reason);
    }

    private static Processor answer(WebhookAnswer answer) {
        return exchange -> answer(exchange.getMessage(), answer);
    }

    /** The incoming headers are not echoed back. */
    private static void answer(Message message, WebhookAnswer answer) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        message.setBody(answer.body());
    }

    private static boolean isRetryable(Throwable failure) {
        return failure instanceof PlatformException refusal && refusal.retryable();
    }

    @Override
    public String toString() {
        return "PlatformRoutes[" + platform + "]";
    }
}
