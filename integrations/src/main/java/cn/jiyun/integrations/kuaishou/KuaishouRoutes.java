package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keeps Kuaishou shops in sync: a timer polls every active shop (the source of truth), the
 * webhook turns Kuaishou's push messages into sync hints, and {@code direct:kuaishou-sync-shop}
 * lets fulfillment backfill a newly registered shop.
 */
public class KuaishouRoutes extends RouteBuilder {

    public static final String SYNC_SHOP = "direct:kuaishou-sync-shop";
    static final String POLL_ALL_SHOPS = "direct:kuaishou-poll-all-shops";
    static final String WEBHOOK_PATH = "/webhooks/kuaishou";
    static final String HINTS = "seda:kuaishou-shop-hints";
    static final String DEAD_LETTER = "direct:kuaishou-dead-letter";
    /** The only answer Kuaishou accepts as "received" (README 2.8). */
    static final String ACKNOWLEDGEMENT = "{\"result\":1}";

    static final String SHOP_ID = "KuaishouShopId";
    static final String SOURCE = "KuaishouSource";
    static final String MESSAGE_ID = "KuaishouMessageId";
    static final String SELLER_OPEN_ID = "KuaishouSellerOpenId";
    static final String TEST_MESSAGE = "KuaishouTestMessage";

    private static final Platform KUAISHOU = Platform.KUAISHOU;

    private final KuaishouProperties properties;
    private final KuaishouConnector connector;
    private final KuaishouMessageCipher cipher;
    private final ShopAccounts shopAccounts;
    private final OrderIntake intake;
    private final IdempotentRepository messageIds;
    private final ObjectMapper json;
    private final Clock clock;

    public KuaishouRoutes(KuaishouProperties properties, KuaishouConnector connector, KuaishouMessageCipher cipher,
                          ShopAccounts shopAccounts, OrderIntake intake, IdempotentRepository messageIds,
                          ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.connector = connector;
        this.cipher = cipher;
        this.shopAccounts = shopAccounts;
        this.intake = intake;
        this.messageIds = messageIds;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void configure() {
        KuaishouProperties.Retry retry = properties.retry();
        // no useOriginalMessage: the steps only replace the body once they succeed, and the headers
        // (shop, source) that the dead letter needs are set along the way
        errorHandler(deadLetterChannel(DEAD_LETTER)
                .maximumRedeliveries(Math.max(0, retry.maxAttempts() - 1))
                .redeliveryDelay(retry.initialBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(retry.multiplier())
                .maximumRedeliveryDelay(retry.maxBackoff().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN));

        // a webhook body we cannot open is not from Kuaishou for this app: refuse it, change nothing
        onException(KuaishouMessageCipher.UnreadableMessageException.class)
                .handled(true)
                .maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "Refused a Kuaishou webhook: ${exception.message}")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(401))
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(constant("unauthorised"));

        // the shop is already marked for re-authorisation by the client; retrying cannot help
        onException(AuthorisationRevokedException.class)
                .handled(true)
                .maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "Kuaishou shop ${header." + SHOP_ID + "} needs re-authorisation: ${exception.message}");

        // the client has already backed off; the next poll tries again, so no dead letter per tick
        onException(PlatformException.class)
                .onWhen(exchange -> exchange.getException(PlatformException.class).retryable())
                .handled(true)
                .maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "Kuaishou unavailable for shop ${header." + SHOP_ID + "}, next poll retries: ${exception.message}");

        onException(PlatformException.class)
                .maximumRedeliveries(0);

        // an unknown shop or a request without one will not fix itself within seconds
        onException(IllegalArgumentException.class)
                .maximumRedeliveries(0);

        from("timer:kuaishou-poll?delay=" + properties.pollInitialDelay().toMillis()
                + "&period=" + properties.pollInterval().toMillis())
                .routeId("kuaishou-poll")
                .to(POLL_ALL_SHOPS);

        from(POLL_ALL_SHOPS)
                .routeId("kuaishou-poll-all-shops")
                .process(exchange -> exchange.getMessage().setBody(shopAccounts.activeShops(KUAISHOU)))
                // each shop is its own exchange: the error handler settles one shop's failure, the rest go on
                .split(body())
                    .setHeader(SOURCE, constant("poll"))
                    .to(SYNC_SHOP)
                .end();

        from("platform-http:" + WEBHOOK_PATH + "?httpMethodRestrict=POST")
                .routeId("kuaishou-webhook")
                .convertBodyTo(String.class)
                .process(this::openMessage)
                .choice()
                    .when(header(TEST_MESSAGE).isEqualTo(true))
                        .log(LoggingLevel.DEBUG, "Kuaishou connectivity test acknowledged")
                    .otherwise()
                        .idempotentConsumer(header(MESSAGE_ID), messageIds)
                            .to(HINTS + "?waitForTaskToComplete=Never")
                        .end()
                .end()
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant(ACKNOWLEDGEMENT));

        from(HINTS)
                .routeId("kuaishou-webhook-hint")
                .to(SYNC_SHOP);

        from(SYNC_SHOP)
                .routeId("kuaishou-sync-shop")
                .process(this::synchroniseShop);

        from(DEAD_LETTER)
                .routeId("kuaishou-dead-letter")
                .process(this::deadLetter);
    }

    /** Decrypts the raw body, checks it was meant for this app and sets the headers the route needs. */
    private void openMessage(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            throw new KuaishouMessageCipher.UnreadableMessageException("empty body");
        }
        String plaintext = cipher.decrypt(body);
        KuaishouMessage message;
        try {
            message = json.readValue(plaintext, KuaishouMessage.class);
        } catch (JsonProcessingException e) {
            throw new KuaishouMessageCipher.UnreadableMessageException("decrypted body is not a Kuaishou message");
        }
        if (message == null) {
            throw new KuaishouMessageCipher.UnreadableMessageException("decrypted body is not a Kuaishou message");
        }
        if (message.appKey() != null && !message.appKey().equals(properties.appKey())) {
            throw new KuaishouMessageCipher.UnreadableMessageException("message is for another app");
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(TEST_MESSAGE, message.connectivityTest());
        exchange.getMessage().setHeader(MESSAGE_ID, messageId(message, body));
        exchange.getMessage().setHeader(SHOP_ID, message.userId());
        exchange.getMessage().setHeader(SELLER_OPEN_ID, message.openId());
        exchange.getMessage().setHeader(SOURCE, "webhook");
        exchange.getMessage().setBody(plaintext);
    }

    /** The platform's event id; a digest of the body when a message carries none (redeliveries are byte-identical). */
    private static String messageId(KuaishouMessage message, String body) {
        if (message.eventId() != null && !message.eventId().isBlank()) {
            return message.eventId();
        }
        if (message.msgId() != null && !message.msgId().isBlank()) {
            return message.msgId();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.trim().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Body: a {@link ShopAccount}, or the shop id in the body or the {@value #SHOP_ID} header.
     * Answers the {@link cn.jiyun.integrations.SyncReport}, or nothing for a shop that is not active.
     */
    private void synchroniseShop(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String shopId = body instanceof ShopAccount shop ? shop.shopId()
                : body instanceof String text && !text.isBlank() && !text.trim().startsWith("{") ? text.trim()
                : exchange.getMessage().getHeader(SHOP_ID, String.class);
        if (shopId == null || shopId.isBlank()) {
            throw new IllegalArgumentException("no Kuaishou shop id in the sync request");
        }
        String openId = exchange.getMessage().getHeader(SELLER_OPEN_ID, String.class);
        // Jiyun may know a shop by the seller id (userId) or by the OAuth open_id; a push carries both
        ShopAccount shop = shopAccounts.find(KUAISHOU, shopId)
                .or(() -> openId == null || openId.isBlank() ? Optional.empty()
                        : shopAccounts.find(KUAISHOU, openId))
                .orElseThrow(() -> new IllegalArgumentException("no Kuaishou shop " + shopId
                        + (openId == null ? "" : " (open id " + openId + ")")
                        + " is registered; authorise the shop in Jiyun, then replay"));
        exchange.getMessage().setHeader(SHOP_ID, shop.shopId());
        // a shop waiting for re-authorisation would only earn another refusal from Kuaishou
        boolean active = shopAccounts.activeShops(KUAISHOU).stream().anyMatch(s -> s.shopId().equals(shop.shopId()));
        if (!active) {
            log.info("Kuaishou shop {} is not active; not synchronising it", shop.shopId());
            exchange.getMessage().setBody(null);
            return;
        }
        exchange.getMessage().setBody(connector.synchronise(shop));
    }

    private void deadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Object body = exchange.getMessage().getBody();
        String raw = body instanceof ShopAccount shop ? "sync of Kuaishou shop " + shop.shopId()
                : exchange.getMessage().getBody(String.class);
        String reason = cause == null ? "failed for an unknown reason"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String shopId = body instanceof ShopAccount shop ? shop.shopId()
                : exchange.getMessage().getHeader(SHOP_ID, String.class);
        intake.deadLetter(new DeadLetter(KUAISHOU, shopId,
                exchange.getMessage().getHeader(SOURCE, String.class), raw, reason, clock.instant()));
    }
}
