package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.wechat.WechatApiMessages.DeliverySendRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.OrderGetRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.OrderListRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.OrderListResponse;
import cn.jiyun.integrations.wechat.WechatApiMessages.StableTokenRequest;
import cn.jiyun.integrations.wechat.WechatApiMessages.StableTokenResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

/**
 * Calls the WeChat Channels Shop API (README 3.1): {@code POST …?access_token=} with a JSON body, answered
 * with {@code errcode}/{@code errmsg}. Retries what may pass when repeated, replaces a refused access token
 * once, and marks the shop revoked when WeChat says the app may no longer act for it.
 */
public class WechatApiClient {

    static final String STABLE_TOKEN = "/cgi-bin/stable_token";
    static final String ORDER_LIST = "/channels/ec/order/list/get";
    static final String ORDER_GET = "/channels/ec/order/get";
    static final String DELIVERY_SEND = "/channels/ec/order/delivery/send";

    /** Access token invalid or not the latest, missing, expired: get a new one and repeat once. */
    static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 40014, 41001, 42001);
    /** System busy, per-minute quota, order updated too often: the same call may pass shortly. */
    static final Set<Integer> TRY_AGAIN = Set.of(-1, 45011, 100003);
    /**
     * API unauthorised for this app (48001), and "component not authorised by this account" (61003) when
     * acting as a service provider: the shop took its permission back.
     */
    static final Set<Integer> AUTHORISATION_GONE = Set.of(48001, 61003);
    /** Daily quota: tomorrow will work, repeating now will not. */
    static final int DAILY_QUOTA_REACHED = 45009;

    private static final Logger log = LoggerFactory.getLogger(WechatApiClient.class);

    private final ConnectorSettings settings;
    private final WechatProperties properties;
    private final ShopAccounts shops;
    private final HttpClient http;
    private final ObjectMapper json;
    private final WechatAccessTokens tokens;

    public WechatApiClient(ConnectorSettings settings, WechatProperties properties, ShopAccounts shops, Clock clock) {
        this.settings = settings;
        this.properties = properties;
        this.shops = shops;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.tokens = new WechatAccessTokens(this::requestStableToken, shops, clock, settings.tokenRefreshMargin());
    }

    /** One page of order ids updated within the request's range. */
    public OrderListResponse listOrders(ShopAccount shop, OrderListRequest request) {
        WechatResponse response = post(shop, ORDER_LIST, request);
        try {
            return json.treeToValue(response.json(), OrderListResponse.class);
        } catch (JsonProcessingException e) {
            throw new PlatformException(Platform.WECHAT, "0", "order/list/get answered an unexpected shape", true, e);
        }
    }

    /** The whole {@code order/get} answer, exactly as received, for the mapper and the audit trail. */
    public String getOrder(ShopAccount shop, String orderId) {
        return post(shop, ORDER_GET, new OrderGetRequest(orderId)).body();
    }

    public void sendDelivery(ShopAccount shop, DeliverySendRequest request) {
        post(shop, DELIVERY_SEND, request);
    }

    ObjectMapper json() {
        return json;
    }

    WechatResponse post(ShopAccount shop, String path, Object body) {
        String token = tokens.tokenFor(shop);
        try {
            return withRetries(shop, path, token, body);
        } catch (TokenRefusedException refused) {
            String fresh = tokens.renew(shop, token);
            try {
                return withRetries(shop, path, fresh, body);
            } catch (TokenRefusedException again) {
                throw new PlatformException(Platform.WECHAT, String.valueOf(again.errcode),
                        path + ": access token refused again right after stable_token issued it", false);
            }
        }
    }

    private StableTokenResponse requestStableToken(boolean forceRefresh) {
        StableTokenRequest request = StableTokenRequest.clientCredential(properties.appId(), properties.appSecret(),
                forceRefresh);
        WechatResponse response = withRetries(null, STABLE_TOKEN, null, request);
        StableTokenResponse grant;
        try {
            grant = json.treeToValue(response.json(), StableTokenResponse.class);
        } catch (JsonProcessingException e) {
            throw new PlatformException(Platform.WECHAT, "0", "stable_token answered an unexpected shape", true, e);
        }
        if (grant.accessToken() == null || grant.accessToken().isBlank() || grant.expiresIn() == null) {
            throw new PlatformException(Platform.WECHAT, "0", "stable_token answered without a token", true);
        }
        return grant;
    }

    private WechatResponse withRetries(ShopAccount shop, String path, String accessToken, Object body) {
        ConnectorSettings.Retry retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(shop, path, accessToken, body);
            } catch (PlatformException e) {
                if (!isRepeatable(e) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                log.info("WeChat {} failed ({}), attempt {} of {}, next in {}", path, e.getMessage(), attempt,
                        retry.maxAttempts(), retry.backoffAfter(attempt));
                retry.pauseAfter(attempt, Platform.WECHAT);
            }
        }
    }

    private WechatResponse once(ShopAccount shop, String path, String accessToken, Object body) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(path, accessToken))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new RepeatableException("HTTP timeout", path + " timed out", e);
        } catch (IOException e) {
            // The exception may carry the URI, and with it the access token: keep only its type.
            throw new RepeatableException("IO", path + " failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(Platform.WECHAT, "interrupted", path + " interrupted", true, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new RepeatableException("HTTP " + status, path + " answered HTTP " + status, null);
        }
        if (status >= 300) {
            throw new PlatformException(Platform.WECHAT, "HTTP " + status, path + " answered HTTP " + status, false);
        }
        JsonNode tree;
        try {
            tree = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new RepeatableException("unreadable body", path + " answered a truncated or unreadable body", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new RepeatableException("unreadable body", path + " answered no JSON object", null);
        }
        int errcode = tree.path("errcode").asInt(0);
        if (errcode == 0) {
            return new WechatResponse(response.body(), tree);
        }
        String errmsg = tree.path("errmsg").asText("");
        String code = String.valueOf(errcode);
        if (TOKEN_REFUSED.contains(errcode) && accessToken != null) {
            throw new TokenRefusedException(errcode);
        }
        if (TRY_AGAIN.contains(errcode)) {
            throw new RepeatableException(code, path + ": " + errmsg, null);
        }
        if (AUTHORISATION_GONE.contains(errcode) && shop != null) {
            String reason = "WeChat " + errcode + " on " + path + ": " + errmsg;
            shops.authorisationRevoked(Platform.WECHAT, shop.shopId(), reason);
            throw new AuthorisationRevokedException(Platform.WECHAT, shop.shopId(), code, reason);
        }
        throw new PlatformException(Platform.WECHAT, code, path + ": " + errmsg, errcode == DAILY_QUOTA_REACHED);
    }

    private URI uri(String path, String accessToken) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(accessToken == null ? base + path : base + path + "?access_token=" + accessToken);
    }

    private static boolean isRepeatable(PlatformException e) {
        return e instanceof RepeatableException;
    }

    /** An answer with {@code errcode} 0: the body as received and its tree. */
    record WechatResponse(String body, JsonNode json) {
    }

    /** A failure the same call may get past: repeated with back-off, then reported as retryable. */
    private static final class RepeatableException extends PlatformException {
        RepeatableException(String code, String message, Throwable cause) {
            super(Platform.WECHAT, code, message, true, cause);
        }
    }

    /** The access token was refused; handled inside the client by one refresh. */
    private static final class TokenRefusedException extends PlatformException {
        final int errcode;

        TokenRefusedException(int errcode) {
            super(Platform.WECHAT, String.valueOf(errcode), "access token refused", false);
            this.errcode = errcode;
        }
    }
}
