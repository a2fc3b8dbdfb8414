package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.SyncReport;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

import java.time.Clock;
import java.util.List;

/**
 * The WeChat order flow: a timer polls every active shop (the source of truth), pushes to
 * {@code /webhooks/wechat} are verified, de-duplicated and queued as hints that sync the shop concerned,
 * and {@code direct:wechat-sync-shop} lets fulfillment backfill a newly registered shop.
 */
public class WechatRoutes extends RouteBuilder {

    public static final String SYNC_SHOP = "direct:wechat-sync-shop";
    static final String POLL_ACTIVE_SHOPS = "direct:wechat-poll-active-shops";
    static final String ORDER_HINTS = "seda:wechat-order-hints";
    static final String DEAD_LETTER = "direct:wechat-dead-letter";
    static final String WEBHOOK_PATH = "/webhooks/wechat";

    /** Exchange properties, not headers, so that nothing an HTTP caller sends can set them. */
    static final String SHOP_ID = "wechatShopId";
    static final String SOURCE = "wechatSource";
    static final String RAW_MESSAGE = "wechatRawMessage";

    private final WechatConnector connector;
    private final WechatPushReader pushes;
    private final ShopAccounts shops;
    private final OrderIntake intake;
    private final IdempotentRepository webhookMessageIds;
    private final WechatProperties properties;
    private final Clock clock;

    public WechatRoutes(WechatConnector connector, WechatPushReader pushes, ShopAccounts shops, OrderIntake intake,
                        IdempotentRepository webhookMessageIds, WechatProperties properties, Clock clock) {
        this.connector = connector;
        this.pushes = pushes;
        this.shops = shops;
        this.intake = intake;
        this.webhookMessageIds = webhookMessageIds;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configure() {
        WechatProperties.Route redelivery = properties.route();
        errorHandler(deadLetterChannel(DEAD_LETTER)
                .maximumRedeliveries(redelivery.maxRedeliveries())
                .redeliveryDelay(redelivery.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(redelivery.maxRedeliveryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        // The client already marked the shop; a person must re-authorise it, retrying cannot help.
        onException(AuthorisationRevokedException.class)
                .handled(true)
                .maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "WeChat shop ${exchangeProperty." + SHOP_ID + "} needs re-authorisation: "
                        + "${exception.message}");
        // Refusals that the same call will meet again go straight to the dead letter.
        onException(PlatformException.class, IllegalArgumentException.class)
                .onWhen(exchange -> !isRetryable(exchange.getException()))
                .maximumRedeliveries(0);

        from("timer:wechat-poll?period=" + properties.pollInterval().toMillis())
                .routeId("wechat-poll")
                .autoStartup(properties.pollingEnabled())
                .to(POLL_ACTIVE_SHOPS);

        from(POLL_ACTIVE_SHOPS)
                .routeId("wechat-poll-active-shops")
                .setBody(exchange -> activeShopIds())
                .split(body())
                    .setProperty(SOURCE, constant("poll"))
                    .to(SYNC_SHOP)
                .end();

        from("platform-http:" + WEBHOOK_PATH + "?httpMethodRestrict=POST")
                .routeId("wechat-webhook")
                .onException(WebhookRejectedException.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .log(LoggingLevel.WARN, "Refused a WeChat push: ${exception.message}")
                    .process(exchange -> answer(exchange.getMessage(), 401, "invalid signature"))
                .end()
                .onException(WechatPushReader.UnreadablePushException.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .process(this::deadLetterUnreadablePush)
                    .process(exchange -> answer(exchange.getMessage(), 200, "success"))
                .end()
                // WeChat waits only 5 s: no redelivery here; a 500 makes WeChat push again later.
                .onException(Exception.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .setProperty(SOURCE, constant("webhook"))
                    .to(DEAD_LETTER)
                    .process(exchange -> answer(exchange.getMessage(), 500, "retry later"))
                .end()
                .setProperty(RAW_MESSAGE, body().convertToString())
                .process(this::openPush)
                .filter(body().isNotNull())
                    .idempotentConsumer(simple("${body.messageId}"), webhookMessageIds)
                        .to(ExchangePattern.InOnly, ORDER_HINTS)
                    .end()
                .end()
                .process(exchange -> answer(exchange.getMessage(), 200, "success"));

        from("platform-http:" + WEBHOOK_PATH + "?httpMethodRestrict=GET")
                .routeId("wechat-webhook-url-check")
                .onException(WebhookRejectedException.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .process(exchange -> answer(exchange.getMessage(), 401, "invalid signature"))
                .end()
                .process(exchange -> {
                    Message in = exchange.getMessage();
                    String echo = pushes.verifyUrl(in.getHeader("signature", String.class),
                            in.getHeader("timestamp", String.class), in.getHeader("nonce", String.class),
                            in.getHeader("echostr", String.class));
                    answer(in, 200, echo);
                });

        from(ORDER_HINTS)
                .routeId("wechat-order-hints")
                .setProperty(SOURCE, constant("webhook"))
                .setProperty(RAW_MESSAGE, simple("${body.message}"))
                .setBody(exchange -> shopIdsConcerned(exchange.getMessage().getBody(WechatOrderHint.class)))
                .split(body())
                    .to(SYNC_SHOP)
                .end();

        from(SYNC_SHOP)
                .routeId("wechat-sync-shop")
                .process(this::synchroniseShopInBody);

        from(DEAD_LETTER)
                .routeId("wechat-dead-letter")
                .process(this::deadLetter);
    }

    /** Verifies the push on its raw body and leaves the order hint as the body, or null for other events. */
    private void openPush(Exchange exchange) {
        Message in = exchange.getMessage();
        WechatOrderHint hint = pushes.open(in.getHeader("msg_signature", String.class),
                in.getHeader("timestamp", String.class), in.getHeader("nonce", String.class),
                in.getBody(String.class)).orElse(null);
        in.setBody(hint);
    }

    private List<String> activeShopIds() {
        return shops.activeShops(Platform.WECHAT).stream().map(ShopAccount::shopId).toList();
    }

    /** The shop the push was addressed to when Jiyun knows it by that id, else every active shop. */
    private List<String> shopIdsConcerned(WechatOrderHint hint) {
        return shops.find(Platform.WECHAT, hint.toUserName())
                .map(shop -> List.of(shop.shopId()))
                .orElseGet(this::activeShopIds);
    }

    private void synchroniseShopInBody(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String shopId = body instanceof ShopAccount account ? account.shopId()
                : exchange.getMessage().getBody(String.class);
        if (shopId == null || shopId.isBlank()) {
            throw new IllegalArgumentException(SYNC_SHOP + " needs a shop id or ShopAccount as body, got " + body);
        }
        exchange.setProperty(SHOP_ID, shopId);
        if (exchange.getProperty(SOURCE) == null) {
            exchange.setProperty(SOURCE, "direct");
        }
        ShopAccount shop = shops.find(Platform.WECHAT, shopId)
                .orElseThrow(() -> new IllegalArgumentException("no WeChat shop " + shopId + " is registered"));
        SyncReport report = connector.synchronise(shop);
        exchange.getMessage().setBody(report);
    }

    private void deadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String shopId = exchange.getProperty(SHOP_ID, "", String.class);
        String raw = exchange.getProperty(RAW_MESSAGE, String.class);
        if (raw == null) {
            raw = shopId.isEmpty() ? exchange.getMessage().getBody(String.class) : "sync of WeChat shop " + shopId;
        }
        String reason = (shopId.isEmpty() ? "WeChat push failed: " : "WeChat sync of shop " + shopId
                + " failed after retries: ") + (cause == null ? "unknown error" : cause.getMessage());
        intake.deadLetter(new DeadLetter(Platform.WECHAT, shopId, exchange.getProperty(SOURCE, "", String.class),
                raw, reason, clock.instant()));
    }

    private void deadLetterUnreadablePush(Exchange exchange) {
        WechatPushReader.UnreadablePushException cause =
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WechatPushReader.UnreadablePushException.class);
        intake.deadLetter(new DeadLetter(Platform.WECHAT, "", "webhook", cause.decryptedMessage(),
                "WeChat push verified but unreadable: " + cause.getMessage(), clock.instant()));
    }

    /** WeChat waits 5 s for a plain-text answer; the incoming headers are not echoed back. */
    private static void answer(Message message, int status, String body) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(body);
    }

    private static boolean isRetryable(Throwable failure) {
        return failure instanceof PlatformException platform && platform.retryable();
    }
}
