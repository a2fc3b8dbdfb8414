package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;
import cn.jiyun.integrations.TokenGrant;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.PlatformHttp;
import cn.jiyun.integrations.wechat.WechatApiMessages.BasicInfoResponse;
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

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
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
    /** The shop's name and original id ({@code gh_…}); a GET without a body. */
    static final String BASIC_INFO = "/channels/ec/basics/info/get";

    /**
     * {@code stable_token} refuses the app: unknown appid (40013), wrong AppSecret (40125), Jiyun's address not on
     * the app's IP whitelist (40164), appid or secret missing (41002, 41004).
     */
    static final Set<String> CREDENTIALS_REFUSED = Set.of("40013", "40125", "40164", "41002", "41004");

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

    private final ShopAccounts shops;
    private final PlatformHttp http;
    private final ObjectMapper json;
    private final WechatAccessTokens tokens;
    private final Clock clock;

    public WechatApiClient(ConnectorSettings settings, WechatProperties properties, ShopAccounts shops, Clock clock) {
        this.shops = shops;
        this.clock = clock;
        this.http = new PlatformHttp(Platform.WECHAT, settings);
        this.json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.tokens = new WechatAccessTokens(this::requestStableToken, shops, clock, settings.tokenRefreshMargin(),
                Optional.of(new AppCredentials(properties.appId(), properties.appSecret())));
    }

    /**
     * Checks a shop's self-built app at once: {@code stable_token} with its appid and AppSecret, then
     * {@code basics/info/get} with the token, which names the shop (its original id and its name).
     *
     * @throws AuthorisationRefusedException when WeChat refuses the credentials, or the app may not read a shop
     */
    public AuthorisedShop authorise(AppCredentials app) {
        if (!app.complete()) {
            throw new AuthorisationRefusedException(Platform.WECHAT, "41002", "the appid and the AppSecret are both needed");
        }
        StableTokenResponse token;
        BasicInfoResponse answer;
        try {
            token = requestStableToken(app, false);
            answer = as(withRetries(null, BASIC_INFO, token.accessToken(), null), BasicInfoResponse.class, BASIC_INFO);
        } catch (PlatformException e) {
            // an app that is not a shop's (a mini program's, say) gets its token but may not read a shop
            if (CREDENTIALS_REFUSED.contains(e.platformCode())
                    || AUTHORISATION_GONE.stream().map(String::valueOf).anyMatch(e.platformCode()::equals)) {
                // the refusal names its code on its own: the message without PlatformException's prefix
                throw new AuthorisationRefusedException(Platform.WECHAT, e.platformCode(),
                        e.getMessage().replaceFirst("^" + Platform.WECHAT + " " + e.platformCode() + ": ", ""));
            }
            throw e;
        }
        WechatApiMessages.ShopInfo info = answer.info();
        if (info == null || info.username() == null || info.username().isBlank()) {
            throw new PlatformException(Platform.WECHAT, "0", BASIC_INFO + " named no shop", false);
        }
        String name = info.nickname() == null || info.nickname().isBlank() ? info.username() : info.nickname();
        return new AuthorisedShop(info.username(), name, new TokenGrant(token.accessToken(), "",
                clock.instant().plusSeconds(token.expiresIn()), null));
    }

    /** One page of order ids updated within the request's range. */
    public OrderListResponse listOrders(ShopAccount shop, OrderListRequest request) {
        return as(post(shop, ORDER_LIST, request), OrderListResponse.class, ORDER_LIST);
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

    private StableTokenResponse requestStableToken(AppCredentials app, boolean forceRefresh) {
        StableTokenRequest request = StableTokenRequest.clientCredential(app.appId(), app.appSecret(), forceRefresh);
        StableTokenResponse grant = as(withRetries(null, STABLE_TOKEN, null, request), StableTokenResponse.class,
                STABLE_TOKEN);
        if (grant.accessToken() == null || grant.accessToken().isBlank() || grant.expiresIn() == null) {
            throw new PlatformException(Platform.WECHAT, "0", "stable_token answered without a token", true);
        }
        return grant;
    }

    private <T> T as(WechatResponse response, Class<T> type, String path) {
        try {
            return json.treeToValue(response.json(), type);
        } catch (JsonProcessingException e) {
            throw new PlatformException(Platform.WECHAT, "0", path + " answered an unexpected shape", true, e);
        }
    }

    /**
     * One call, repeated with back-off on 5xx, 429, timeouts, unreadable bodies and "try again" codes: a POST
     * of {@code body} as JSON, or a GET where there is no body ({@code basics/info/get}).
     */
    private WechatResponse withRetries(ShopAccount shop, String path, String accessToken, Object body) {
        String content;
        try {
            content = body == null ? null : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body of " + path, e);
        }
        return http.call(path, () -> {
            HttpRequest.Builder request = http.request(http.uri(accessToken == null ? path
                    : path + "?access_token=" + accessToken)).header("Accept", "application/json");
            return (content == null ? request.GET() : request.header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8))).build();
        }, (status, answer) -> read(shop, path, accessToken, status, answer));
    }

    private WechatResponse read(ShopAccount shop, String path, String accessToken, int status, String body) {
        if (status >= 300) {
            throw new PlatformException(Platform.WECHAT, "http-" + status, path + " answered HTTP " + status, false);
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw http.repeat("unreadable body", path + " answered a truncated or unreadable body");
        }
        if (tree == null || !tree.isObject()) {
            throw http.repeat("unreadable body", path + " answered no JSON object");
        }
        int errcode = tree.path("errcode").asInt(0);
        if (errcode == 0) {
            return new WechatResponse(body, tree);
        }
        String errmsg = tree.path("errmsg").asText("");
        String code = String.valueOf(errcode);
        if (TOKEN_REFUSED.contains(errcode) && accessToken != null) {
            throw new TokenRefusedException(errcode);
        }
        if (TRY_AGAIN.contains(errcode)) {
            throw http.repeat(code, path + ": " + errmsg);
        }
        if (AUTHORISATION_GONE.contains(errcode) && shop != null) {
            String reason = "WeChat " + errcode + " on " + path + ": " + errmsg;
            shops.authorisationRevoked(Platform.WECHAT, shop.shopId(), reason);
            throw new AuthorisationRevokedException(Platform.WECHAT, shop.shopId(), code, reason);
        }
        throw new PlatformException(Platform.WECHAT, code, path + ": " + errmsg, errcode == DAILY_QUOTA_REACHED);
    }

    /** An answer with {@code errcode} 0: the body as received and its tree. */
    record WechatResponse(String body, JsonNode json) {
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
