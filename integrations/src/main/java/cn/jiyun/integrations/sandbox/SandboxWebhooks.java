package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.douyin.DouyinSignMethod;
import cn.jiyun.integrations.douyin.DouyinSigner;
import cn.jiyun.integrations.kuaishou.KuaishouMessageCipher;
import cn.jiyun.integrations.sandbox.OrderBook.Change;
import cn.jiyun.integrations.wechat.WechatMessageCrypto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pushes the platforms' order messages to Jiyun's webhooks when the order book changes, signed and
 * sealed as each platform does (README 1.9, 2.8, 3.6): Douyin's {@code event-sign}, Kuaishou's
 * AES body, WeChat's {@code msg_signature} and AES-256 envelope. One try each; polling is the truth.
 */
final class SandboxWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String callback;
    private final Consumer<SandboxPush> outcomes;
    private final SandboxCredentials credentials;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "platform-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final SecureRandom random = new SecureRandom();
    private final DouyinSigner douyinSigner;
    private final KuaishouMessageCipher kuaishouCipher;
    private final WechatMessageCrypto wechatCrypto;
    private final AtomicLong messages = new AtomicLong(7_300_000_000_000_000_000L);
    private volatile boolean warned;

    SandboxWebhooks(URI callback, SandboxCredentials credentials, Clock clock, Consumer<SandboxPush> outcomes) {
        this.callback = callback.toString().replaceAll("/+$", "");
        this.outcomes = outcomes;
        this.credentials = credentials;
        this.clock = clock;
        // the connectors' own signer and ciphers: the sandbox seals what the connectors open
        this.douyinSigner = new DouyinSigner(credentials.douyinAppKey(), credentials.douyinAppSecret(),
                DouyinSignMethod.MD5);
        this.kuaishouCipher = new KuaishouMessageCipher(credentials.kuaishouMessageKey());
        this.wechatCrypto = new WechatMessageCrypto(credentials.wechatToken(), credentials.wechatEncodingAesKey(),
                credentials.wechatAppId());
    }

    void push(Change change) {
        try {
            sender.execute(() -> send(change));
        } catch (RejectedExecutionException e) {
            // stopping: the message is lost, as a platform's push can be
        }
    }

    private void send(Change change) {
        SandboxOrder order = change.order();
        String event = event(change);
        try {
            HttpRequest request = switch (order.platform()) {
                case DOUYIN -> douyin(change);
                case KUAISHOU -> kuaishou(change);
                case WECHAT -> wechat(change);
                default -> null;
            };
            if (request == null) {
                return;
            }
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            outcomes.accept(new SandboxPush(order.platform(), event, order.orderId(), answer.statusCode(), answer.body(),
                    clock.instant()));
            log.debug("Sandbox pushed {} {} of order {}: HTTP {}", order.platform(), event, order.orderId(),
                    answer.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            outcomes.accept(new SandboxPush(order.platform(), event, order.orderId(), 0, e.toString(), clock.instant()));
            if (!warned) {
                warned = true;
                log.warn("Sandbox cannot push to {} ({}); polling still brings every order", callback, e.toString());
            }
        }
    }

    /** Each platform's name for the change: Douyin tag, Kuaishou event, WeChat Event. */
    static String event(Change change) {
        return switch (change.order().platform()) {
            case DOUYIN -> switch (change.kind()) {
                case PAID -> "101";
                case CANCELLED -> "106";
                case SHIPPED -> "102";
            };
            case KUAISHOU -> switch (change.kind()) {
                case PAID -> "kwaishop_order_paySuccess";
                case CANCELLED -> "kwaishop_order_orderFail";
                case SHIPPED -> "kwaishop_order_delivering";
            };
            default -> switch (change.kind()) {
                case PAID -> "channels_ec_order_pay";
                case CANCELLED -> "channels_ec_order_cancel";
                case SHIPPED -> "channels_ec_order_deliver";
            };
        };
    }

    /** README 1.9: a JSON array of {tag, msg_id, data-as-string}, event-sign = MD5(app_key + body + app_secret). */
    HttpRequest douyin(Change change) throws JsonProcessingException {
        SandboxOrder order = change.order();
        ObjectNode data = WireAnswer.JSON.createObjectNode();
        data.put("p_id", Long.parseLong(order.orderId()));
        var subOrders = data.putArray("s_ids");
        order.lines().forEach(line -> subOrders.add(Long.parseLong(line.lineId())));
        SandboxApi.putId(data, "shop_id", order.shopId());
        data.put("order_type", 0);
        data.put("biz", 2);
        switch (change.kind()) {
            case PAID -> {
                data.put("order_status", 2);
                data.put("pay_type", 1);
                data.put("pay_time", order.paidAt().getEpochSecond());
                data.put("pay_amount", order.paidFen());
            }
            case CANCELLED -> {
                data.put("order_status", 4);
                data.put("cancel_reason", order.cancelReason());
                data.put("cancel_time", order.updatedAt().getEpochSecond());
            }
            default -> {
                data.put("order_status", 3);
                data.put("update_time", order.updatedAt().getEpochSecond());
                data.putObject("logistics_msg").put("express_company_id", 0)
                        .put("logistics_code", order.shipment().waybillNumber());
            }
        }
        ObjectNode message = WireAnswer.JSON.createObjectNode();
        message.put("tag", event(change));
        message.put("msg_id", Long.toString(messages.incrementAndGet()));
        message.put("data", WireAnswer.JSON.writeValueAsString(data));
        String body = WireAnswer.JSON.writeValueAsString(WireAnswer.JSON.createArrayNode().add(message));
        String sign = douyinSigner.eventSign(body.getBytes(StandardCharsets.UTF_8));
        return post("/webhooks/douyin", body, "Content-Type", "application/json",
                "app-id", credentials.douyinAppKey(), "event-sign", sign);
    }

    /** README 2.8: one message per POST, AES/CBC/PKCS5Padding with the message key and a zero IV, Base64. */
    HttpRequest kuaishou(Change change) throws JsonProcessingException {
        SandboxOrder order = change.order();
        int status = switch (change.kind()) {
            case PAID -> 30;
            case CANCELLED -> 80;
            case SHIPPED -> 40;
        };
        ObjectNode info = WireAnswer.JSON.createObjectNode();
        info.put("oid", Long.parseLong(order.orderId()));
        info.put("sellerId", Long.parseLong(order.shopId()));
        info.put("status", status);
        info.put("updateTime", order.updatedAt().toEpochMilli());
        ObjectNode message = WireAnswer.JSON.createObjectNode();
        message.put("eventId", "sandbox_" + messages.incrementAndGet());
        message.put("bizId", Long.parseLong(order.orderId()));
        message.put("userId", Long.parseLong(order.shopId()));
        message.put("openId", KuaishouSandboxApi.sellerOpenId(order.shopId()));
        message.put("appKey", credentials.kuaishouAppKey());
        message.put("event", event(change));
        message.put("info", WireAnswer.JSON.writeValueAsString(info));
        message.put("createTime", clock.millis());
        message.put("test", false);
        String body = kuaishouCipher.encrypt(WireAnswer.JSON.writeValueAsString(message));
        return post("/webhooks/kuaishou", body, "Content-Type", "text/plain;charset=utf-8");
    }

    /** README 3.6: JSON {ToUserName, Encrypt}, msg_signature over token, timestamp, nonce and Encrypt. */
    HttpRequest wechat(Change change) throws JsonProcessingException {
        SandboxOrder order = change.order();
        long now = clock.instant().getEpochSecond();
        ObjectNode message = WireAnswer.JSON.createObjectNode();
        message.put("ToUserName", order.shopId());
        message.put("FromUserName", "oSandbox" + order.buyer().openId().substring(0, 20));
        message.put("CreateTime", now);
        message.put("MsgType", "event");
        ObjectNode orderInfo = WireAnswer.JSON.createObjectNode();
        orderInfo.put("order_id", Long.parseLong(order.orderId()));
        message.put("Event", event(change));
        switch (change.kind()) {
            case PAID -> orderInfo.put("pay_time", order.paidAt().getEpochSecond());
            // 3: cancelled after everything went through after-sale, as a paid order's cancellation does
            case CANCELLED -> orderInfo.put("cancel_type", 3);
            case SHIPPED -> orderInfo.put("finish_delivery", 1);
        }
        message.set("order_info", orderInfo);
        String encrypted = wechatCrypto.encrypt(WireAnswer.JSON.writeValueAsString(message));
        String timestamp = Long.toString(now);
        String nonce = Long.toString(1_000_000_000L + random.nextInt(1_000_000_000));
        String query = "signature=" + wechatCrypto.urlSignature(timestamp, nonce)
                + "&timestamp=" + timestamp + "&nonce=" + nonce + "&encrypt_type=aes"
                + "&msg_signature=" + wechatCrypto.messageSignature(timestamp, nonce, encrypted);
        ObjectNode body = WireAnswer.JSON.createObjectNode();
        body.put("ToUserName", order.shopId());
        body.put("Encrypt", encrypted);
        return post("/webhooks/wechat?" + query, WireAnswer.JSON.writeValueAsString(body),
                "Content-Type", "application/json");
    }

    /** A push to Jiyun's webhook at {@code pathAndQuery}, with these header names and values. */
    private HttpRequest post(String pathAndQuery, String body, String... headers) {
        return HttpRequest.newBuilder(URI.create(callback + pathAndQuery)).timeout(TIMEOUT).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    @Override
    public void close() {
        sender.shutdownNow();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
