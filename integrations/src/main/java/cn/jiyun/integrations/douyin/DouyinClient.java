package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAuthorisationFlow;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.TokenGrant;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.PlatformHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the Douyin open platform for a shop: signs each call (README 1.2), unwraps the envelope
 * (1.4), retries what is worth retrying with exponential back-off, refreshes an expired access
 * token once (1.3) and reports a withdrawn authorisation to {@link ShopAccounts}.
 *
 * <p>Access tokens travel in the query string, so request URIs are never logged.
 */
public class DouyinClient {

    private static final Logger log = LoggerFactory.getLogger(DouyinClient.class);

    static final String TOKEN_REFRESH = "token.refresh";
    static final String TOKEN_CREATE = "token.create";

    /** 40003 sub-code, and the legacy 30002, for an access token past its lifetime. */
    private static final String TOKEN_EXPIRED = "isv.access-token-expired";
    private static final int LEGACY_TOKEN_EXPIRED = 30002;
    /** The shop's authorisation is gone or unusable: only a person re-authorising helps. */
    private static final Set<String> AUTHORISATION_GONE = Set.of(
            "dop.authorization-no-existed", "dop.authorization-closed",
            "isv.access-token-no-existed", "isv.access-token-invalid");
    private static final Set<Integer> LEGACY_AUTHORISATION_GONE = Set.of(30003, 30005, 30007);
    private static final String TOKEN_GENERATE_FAILED = "dop.token-generate-failed";

    private final ConnectorSettings settings;
    private final DouyinSigner signer;
    private final ShopAccounts shopAccounts;
    private final PlatformHttp http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, Object> refreshLocks = new ConcurrentHashMap<>();

    public DouyinClient(ConnectorSettings settings, DouyinSigner signer, ShopAccounts shopAccounts, Clock clock) {
        this.settings = settings;
        this.signer = signer;
        this.shopAccounts = shopAccounts;
        this.http = new PlatformHttp(Platform.DOUYIN, settings);
        this.clock = clock;
    }

    /**
     * Calls {@code method} for the shop with these business parameters and returns the envelope's
     * {@code data}.
     *
     * @throws AuthorisationRevokedException when Douyin no longer accepts the shop's authorisation
     * @throws PlatformException             for any other refusal, or when Douyin stays unavailable
     */
    public JsonNode call(ShopAccount shop, String method, Map<String, ?> params) {
        String paramJson = DouyinParamJson.of(params);
        ShopAccount current = latest(shop);
        boolean refreshed = false;
        if (current.tokenExpiresWithin(settings.tokenRefreshMargin(), clock.instant())) {
            current = refreshTokens(current, current.accessToken());
            refreshed = true;
        }
        DouyinApiResponse response = exchange(method, current.accessToken(), paramJson);
        if (isTokenExpired(response) && !refreshed) {
            log.info("Douyin {} for shop {}: access token expired (log_id {}), refreshing once",
                    method, shop.shopId(), response.logId());
            current = refreshTokens(current, current.accessToken());
            response = exchange(method, current.accessToken(), paramJson);
        }
        return unwrap(current, method, response);
    }

    /**
     * Exchanges the shop's refresh token for new tokens and stores them before anyone uses them,
     * because the old refresh token may die as soon as the new one is issued. Calls for one shop
     * refresh one at a time; a caller that lost the race uses the winner's tokens.
     */
    ShopAccount refreshTokens(ShopAccount shop, String staleAccessToken) {
        synchronized (refreshLocks.computeIfAbsent(shop.shopId(), id -> new Object())) {
            ShopAccount current = latest(shop);
            if (!current.accessToken().equals(staleAccessToken)
                    && !current.tokenExpiresWithin(settings.tokenRefreshMargin(), clock.instant())) {
                return current;
            }
            if (current.refreshToken().isEmpty()) {
                throw revoked(shop.shopId(), "no-refresh-token", "Douyin access token expired and no refresh token is stored");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("grant_type", "refresh_token");
            params.put("refresh_token", current.refreshToken());
            DouyinApiResponse response = exchange(TOKEN_REFRESH, null, DouyinParamJson.of(params));
            if (!response.succeeded()) {
                if (response.subCodeOrEmpty().startsWith(TOKEN_GENERATE_FAILED)
                        && !response.subCodeOrEmpty().contains("app-secret")) {
                    throw revoked(shop.shopId(), response.platformCode(),
                            "Douyin refused to refresh the shop's token: " + response.explanation());
                }
                throw failure(TOKEN_REFRESH, response);
            }
            DouyinTokenData data = read(response.data(), DouyinTokenData.class, TOKEN_REFRESH);
            if (data.accessToken() == null || data.accessToken().isBlank()) {
                throw new PlatformException(Platform.DOUYIN, "no-access-token",
                        "token.refresh answered success without an access_token (log_id " + response.logId() + ")", true);
            }
            Instant expiresAt = data.expiresIn() == null ? null : clock.instant().plusSeconds(data.expiresIn());
            TokenGrant grant = new TokenGrant(data.accessToken(), data.refreshToken(), expiresAt, null);
            shopAccounts.tokensRefreshed(Platform.DOUYIN, shop.shopId(), grant);
            log.info("Douyin tokens of shop {} refreshed, access token valid until {}", shop.shopId(), expiresAt);
            return new ShopAccount(Platform.DOUYIN, shop.shopId(), grant.accessToken(),
                    grant.refreshToken().isEmpty() ? current.refreshToken() : grant.refreshToken(),
                    expiresAt, current.syncCursor());
        }
    }

    /**
     * {@code token.create} with an authorisation code (README 1.3), signed as every call but without
     * an access token. A {@code dop.token-generate-failed} or parameter refusal is the seller's code being
     * expired, used or unknown: nothing to retry.
     */
    public ShopAuthorisationFlow.AuthorisedShop createToken(String code) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("grant_type", "authorization_code");
        DouyinApiResponse response = exchange(TOKEN_CREATE, null, DouyinParamJson.of(params));
        if (!response.succeeded()) {
            int status = response.effectiveCode();
            if (status == DouyinApiResponse.SERVICE_UNAVAILABLE || status == DouyinApiResponse.RATE_LIMITED) {
                throw failure(TOKEN_CREATE, response);
            }
            throw new AuthorisationRefusedException(Platform.DOUYIN, response.platformCode(), response.explanation());
        }
        DouyinTokenData data = read(response.data(), DouyinTokenData.class, TOKEN_CREATE);
        if (data.accessToken() == null || data.accessToken().isBlank() || data.shopId() == null
                || data.shopId().isBlank()) {
            throw new PlatformException(Platform.DOUYIN, "no-access-token",
                    "token.create answered success without an access_token or shop_id (log_id " + response.logId() + ")",
                    false);
        }
        Instant expiresAt = data.expiresIn() == null ? null : clock.instant().plusSeconds(data.expiresIn());
        String name = data.shopName() == null || data.shopName().isBlank() ? "抖店 " + data.shopId() : data.shopName();
        return new ShopAuthorisationFlow.AuthorisedShop(data.shopId(), name,
                new TokenGrant(data.accessToken(), data.refreshToken(), expiresAt, null));
    }

    <T> T read(JsonNode node, Class<T> type, String method) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PlatformException(Platform.DOUYIN, "unreadable-data",
                    method + " answered data Jiyun cannot read: " + e.getMessage(), false, e);
        }
    }

    private ShopAccount latest(ShopAccount shop) {
        return shopAccounts.find(Platform.DOUYIN, shop.shopId()).orElse(shop);
    }

    private JsonNode unwrap(ShopAccount shop, String method, DouyinApiResponse response) {
        if (response.succeeded()) {
            return response.data();
        }
        if (isAuthorisationGone(response)) {
            throw revoked(shop.shopId(), response.platformCode(), "Douyin refused the shop's authorisation on "
                    + method + ": " + response.explanation());
        }
        throw failure(method, response);
    }

    private AuthorisationRevokedException revoked(String shopId, String code, String reason) {
        shopAccounts.authorisationRevoked(Platform.DOUYIN, shopId, reason);
        log.warn("Douyin shop {} needs re-authorisation: {}", shopId, reason);
        return new AuthorisationRevokedException(Platform.DOUYIN, shopId, code, reason);
    }

    private static PlatformException failure(String method, DouyinApiResponse response) {
        int code = response.effectiveCode();
        boolean retryable = code == DouyinApiResponse.SERVICE_UNAVAILABLE || code == DouyinApiResponse.RATE_LIMITED;
        return new PlatformException(Platform.DOUYIN, response.platformCode(),
                method + " refused: " + response.explanation(), retryable);
    }

    private static boolean isTokenExpired(DouyinApiResponse response) {
        return TOKEN_EXPIRED.equals(response.subCode()) || response.effectiveCode() == LEGACY_TOKEN_EXPIRED;
    }

    private static boolean isAuthorisationGone(DouyinApiResponse response) {
        return AUTHORISATION_GONE.contains(response.subCodeOrEmpty())
                || LEGACY_AUTHORISATION_GONE.contains(response.effectiveCode());
    }

    /**
     * One signed call, repeated with back-off on 5xx, 429, timeouts, unreadable bodies, code 20000
     * (service unavailable) and 60000 (throttled). Returns the envelope otherwise.
     */
    private DouyinApiResponse exchange(String method, String accessToken, String paramJson) {
        return http.call(method, () -> request(method, accessToken, paramJson), (status, body) -> {
            if (status >= 300) {
                throw new PlatformException(Platform.DOUYIN, "http-" + status, method + " answered HTTP " + status, false);
            }
            DouyinApiResponse response = parse(method, body);
            // README 1.4: log_id is what Douyin support asks for.
            log.debug("Douyin {} answered {} (log_id {})", method, response.platformCode(), response.logId());
            int code = response.effectiveCode();
            if (code == DouyinApiResponse.SERVICE_UNAVAILABLE || code == DouyinApiResponse.RATE_LIMITED) {
                throw http.repeat(response.platformCode(), method + " refused: " + response.explanation());
            }
            return response;
        });
    }

    private DouyinApiResponse parse(String method, String body) {
        try {
            DouyinApiResponse response = json.readValue(body, DouyinApiResponse.class);
            if (response == null || response.effectiveCode() == -1) {
                throw http.repeat("unreadable-body", method + " answered without a code");
            }
            return response;
        } catch (JsonProcessingException e) {
            throw http.repeat("unreadable-body", method + " answered a body that is not complete JSON: "
                    + e.getOriginalMessage());
        }
    }

    private HttpRequest request(String method, String accessToken, String paramJson) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", signer.appKey());
        query.put("method", method);
        if (accessToken != null) {
            query.put("access_token", accessToken);
        }
        query.put("timestamp", timestamp);
        query.put("v", "2");
        if (signer.signMethod() == DouyinSignMethod.HMAC_SHA256) {
            query.put("sign_method", signer.signMethod().wireName());
        }
        query.put("sign", signer.sign(method, timestamp, paramJson));
        StringBuilder uri = new StringBuilder("/" + method.replace('.', '/') + "?");
        query.forEach((name, value) -> uri.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        uri.setLength(uri.length() - 1);
        return http.request(http.uri(uri.toString()))
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(paramJson, StandardCharsets.UTF_8))
                .build();
    }

    @Override
    public String toString() {
        return "DouyinClient[" + settings.baseUrl() + "]";
    }
}
