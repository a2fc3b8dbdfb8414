package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Douyin's flows, top to bottom: the poll of every active shop, the webhook that turns pushes
 * into sync hints, the hint queue, the one-shop sync fulfillment can call, and the dead letter
 * every failure ends in.
 */
public class DouyinRoutes extends RouteBuilder {

    /** Synchronises one shop; the body is its shop id, a {@link ShopAccount} or a {@link DouyinSyncHint}. */
    public static final String SYNC_SHOP = "direct:douyin-sync-shop";
    static final String SYNC_HINTS = "seda:douyin-sync-hints";
    static final String DEAD_LETTER = "direct:douyin-dead-letter";
    static final String WEBHOOK = "platform-http:/webhooks/douyin?httpMethodRestrict=POST";

    static final String SHOP_ID = "DouyinShopId";
    static final String SOURCE = "DouyinSource";
    static final String RAW_MESSAGE = "DouyinRawMessage";
    private static final String AUTHENTIC = "DouyinAuthentic";

    private final DouyinProperties properties;
    private final DouyinConnector connector;
    private final DouyinWebhook webhook;
    private final ShopAccounts shopAccounts;
    private final OrderIntake intake;
    private final IdempotentRepository messageIds;
    private final Clock clock;

    public DouyinRoutes(DouyinProperties properties, DouyinConnector connector, DouyinWebhook webhook,
                        ShopAccounts shopAccounts, OrderIntake intake, IdempotentRepository messageIds, Clock clock) {
        this.properties = properties;
        this.connector = connector;
        this.webhook = webhook;
        this.shopAccounts = shopAccounts;
        this.intake = intake;
        this.messageIds = messageIds;
        this.clock = clock;
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel(DEAD_LETTER)
                .maximumRedeliveries(properties.routeRedeliveries())
                .redeliveryDelay(properties.retry().initialBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(properties.retry().multiplier())
                .maximumRedeliveryDelay(properties.retry().maxBackoff().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN));

        // The client already marked the shop; a person must re-authorise it, retrying cannot help.
        onException(AuthorisationRevokedException.class)
                .handled(true)
                .log(LoggingLevel.WARN, "Douyin shop ${header." + SHOP_ID + "} needs re-authorisation: ${exception.message}");

        // Douyin refused for a reason repeating will not change: straight to the dead letter.
        onException(PlatformException.class)
                .onWhen(DouyinRoutes::isPermanentRefusal)
                .handled(true)
                .to(DEAD_LETTER);

        from("timer:douyin-poll?period=" + properties.pollInterval().toMillis()
                + "&delay=" + properties.pollInitialDelay().toMillis())
                .routeId("douyin-poll")
                .setHeader(SOURCE, constant("poll"))
                .process(exchange -> exchange.getMessage().setBody(shopAccounts.activeShops(Platform.DOUYIN)))
                // Each shop is its own exchange: one failing shop is dead-lettered, the others go on.
                .split(body())
                    .to(SYNC_SHOP)
                .end();

        from(WEBHOOK)
                .routeId("douyin-webhook")
                // A signed push that cannot be read is kept for a person and acknowledged, since
                // Douyin sending it again would not make it readable; polling still finds the orders.
                .onException(Exception.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .to(DEAD_LETTER)
                    .removeHeaders("*")
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .setBody(constant(DouyinWebhook.ACKNOWLEDGED))
                .end()
                .setHeader(SOURCE, constant("webhook"))
                .process(this::checkSignature)
                .choice()
                    .when(exchangeProperty(AUTHENTIC).isEqualTo(false))
                        .log(LoggingLevel.WARN, "Douyin push refused: event-sign does not match the body")
                        .removeHeaders("*")
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(401))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setBody(constant(DouyinWebhook.REFUSED))
                        .stop()
                .end()
                .split(method(webhook, "messages"))
                    .idempotentConsumer(simple("${body.msgId}"), messageIds)
                        .process(exchange -> exchange.getMessage().setBody(
                                webhook.hint(exchange.getMessage().getBody(DouyinPushMessage.class)).orElse(null)))
                        .filter(body().isNotNull())
                            .to(ExchangePattern.InOnly, SYNC_HINTS)
                        .end()
                    .end()
                .end()
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant(DouyinWebhook.ACKNOWLEDGED));

        from(SYNC_HINTS)
                .routeId("douyin-sync-hints")
                .setHeader(SOURCE, constant("webhook"))
                .log(LoggingLevel.DEBUG, "Douyin ${body.event} for shop ${body.shopId}, order ${body.orderId}")
                .to(SYNC_SHOP);

        from(SYNC_SHOP)
                .routeId("douyin-sync-shop")
                .process(this::synchroniseShop);

        from(DEAD_LETTER)
                .routeId("douyin-dead-letter")
                .process(this::deadLetter);
    }

    private static boolean isPermanentRefusal(Exchange exchange) {
        PlatformException refusal = exchange.getException(PlatformException.class);
        if (refusal == null) {
            refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, PlatformException.class);
        }
        return refusal != null && !refusal.retryable();
    }

    private void checkSignature(Exchange exchange) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        exchange.getMessage().setBody(raw);
        exchange.setProperty(RAW_MESSAGE, raw == null ? "" : new String(raw, StandardCharsets.UTF_8));
        exchange.setProperty(AUTHENTIC, webhook.isAuthentic(raw,
                exchange.getMessage().getHeader("app-id", String.class),
                exchange.getMessage().getHeader("event-sign", String.class)));
    }

    private void synchroniseShop(Exchange exchange) {
        String shopId = shopIdOf(exchange.getMessage().getBody());
        exchange.getMessage().setHeader(SHOP_ID, shopId);
        if (exchange.getMessage().getHeader(SOURCE) == null) {
            exchange.getMessage().setHeader(SOURCE, "sync-request");
        }
        Optional<ShopAccount> shop = shopAccounts.find(Platform.DOUYIN, shopId);
        if (shop.isEmpty()) {
            log.warn("Douyin shop {} is not registered with Jiyun; nothing to synchronise", shopId);
            exchange.getMessage().setBody(null);
            return;
        }
        exchange.getMessage().setBody(connector.synchronise(shop.get()));
    }

    private static String shopIdOf(Object body) {
        if (body instanceof ShopAccount shop) {
            return shop.shopId();
        }
        if (body instanceof DouyinSyncHint hint) {
            return hint.shopId();
        }
        if (body instanceof String shopId && !shopId.isBlank()) {
            return shopId.trim();
        }
        throw new IllegalArgumentException(SYNC_SHOP + " needs a shop id, a ShopAccount or a DouyinSyncHint, not " + body);
    }

    private void deadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "failed without an exception" : cause.getMessage();
        String raw = exchange.getProperty(RAW_MESSAGE, String.class);
        if (raw == null) {
            Object body = exchange.getMessage().getBody();
            raw = body == null ? "" : body.toString();
        }
        String shopId = exchange.getMessage().getHeader(SHOP_ID, String.class);
        if (shopId == null && exchange.getMessage().getBody() instanceof ShopAccount shop) {
            shopId = shop.shopId();
        }
        intake.deadLetter(new DeadLetter(Platform.DOUYIN, shopId,
                exchange.getMessage().getHeader(SOURCE, String.class), raw, reason, clock.instant()));
        log.warn("Douyin {} dead-lettered for shop {}: {}", exchange.getMessage().getHeader(SOURCE), shopId, reason);
    }
}
