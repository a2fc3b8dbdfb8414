package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.TokenGrant;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.PlatformHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Calls the Kuaishou open API for one shop: signs with the sign secret, retries what a pause can
 * cure, refreshes an expired access token once (persisting the rotated refresh token before
 * using it) and turns the platform's errors into {@link PlatformException}s.
 *
 * <p>Nothing here logs a URL, a token or a secret: URLs of read calls carry the access token.
 */
public class KuaishouClient {

    private static final Logger log = LoggerFactory.getLogger(KuaishouClient.class);
    private static final Platform KUAISHOU = Platform.KUAISHOU;
    static final String SELLER_GET = "open.user.seller.get";

    private final ConnectorSettings settings;
    private final KuaishouProperties properties;
    private final KuaishouSigner signer;
    private final ShopAccounts shopAccounts;
    private final PlatformHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final ConcurrentMap<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    public KuaishouClient(ConnectorSettings settings, KuaishouProperties properties, KuaishouSigner signer,
                          ShopAccounts shopAccounts, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.properties = properties;
        this.signer = signer;
        this.shopAccounts = shopAccounts;
        this.http = new PlatformHttp(KUAISHOU, settings);
        this.json = json;
        this.clock = clock;
    }

    /** A read API (GET, everything in the query string); answers the envelope's {@code data}. */
    JsonNode read(ShopAccount shop, String method, Object param) {
        return call(shop, method, param, false);
    }

    /** A write API (POST, everything form-encoded in the body); answers the envelope's {@code data}. */
    JsonNode write(ShopAccount shop, String method, Object param) {
        return call(shop, method, param, true);
    }

    private JsonNode call(ShopAccount shop, String method, Object param, boolean post) {
        String paramJson = toJson(param);
        ShopAccount current = shopAccounts.find(KUAISHOU, shop.shopId()).orElse(shop);
        String token = current.accessToken();
        if (token.isEmpty() || current.tokenExpiresWithin(settings.tokenRefreshMargin(), clock.instant())) {
            token = refreshedToken(current, token);
        }
        KuaishouResponse response = send(method, paramJson, token, post);
        if (!response.succeeded() && !response.authorisationRevoked() && response.accessTokenRejected()) {
            log.info("Kuaishou {} for shop {}: access token rejected ({}), refreshing once", method,
                    shop.shopId(), response.platformCode());
            response = send(method, paramJson, refreshedToken(current, token), post);
        }
        if (response.succeeded()) {
            return response.data();
        }
        if (response.authorisationRevoked()) {
            throw revoked(shop.shopId(), response.platformCode(), response.message());
        }
        boolean retryLater = response.quotaExhausted() || response.throttled();
        throw new PlatformException(KUAISHOU, response.platformCode(),
                method + " for shop " + shop.shopId() + ": " + response.message(), retryLater);
    }

    private KuaishouResponse send(String method, String paramJson, String accessToken, boolean post) {
        return withRetries(method, () -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("appkey", properties.appKey());
            parameters.put("method", method);
            parameters.put("version", "1");
            parameters.put("param", paramJson);
            parameters.put("access_token", accessToken);
            parameters.put("timestamp", Long.toString(clock.millis()));
            parameters.put("signMethod", properties.signMethod().name());
            parameters.put("sign", signer.sign(parameters));
            URI uri = http.uri("/" + method.replace('.', '/'));
            HttpRequest.Builder request = http.request(uri);
            if (post) {
                request.header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(formEncode(parameters)));
            } else {
                request.uri(URI.create(uri + "?" + formEncode(parameters))).GET();
            }
            return request.build();
        }, body -> json.readValue(body, KuaishouResponse.class), KuaishouResponse::throttled);
    }

    /**
     * Single-flight per shop: whoever holds the lock refreshes; the others find the new token
     * already stored and use it, so a rotated refresh token is spent exactly once.
     */
    private String refreshedToken(ShopAccount shop, String rejectedToken) {
        ReentrantLock lock = refreshLocks.computeIfAbsent(shop.shopId(), id -> new ReentrantLock());
        lock.lock();
        try {
            ShopAccount current = shopAccounts.find(KUAISHOU, shop.shopId()).orElse(shop);
            boolean someoneElseRefreshed = !current.accessToken().isEmpty()
                    && !current.accessToken().equals(rejectedToken)
                    && !current.tokenExpiresWithin(settings.tokenRefreshMargin(), clock.instant());
            if (someoneElseRefreshed) {
                return current.accessToken();
            }
            if (current.refreshToken().isEmpty()) {
                throw revoked(shop.shopId(), "no_refresh_token", "the shop has no refresh token; re-authorise it");
            }
            Instant now = clock.instant();
            KuaishouTokenResponse answer = requestRefresh(current.refreshToken());
            if (answer.authorisationGone()) {
                throw revoked(shop.shopId(), String.valueOf(answer.result()), "refresh refused: " + answer.describe());
            }
            if (!answer.succeeded()) {
                throw new PlatformException(KUAISHOU, String.valueOf(answer.result()),
                        "token refresh for shop " + shop.shopId() + " failed: " + answer.describe(), false);
            }
            TokenGrant grant = new TokenGrant(answer.accessToken(), answer.refreshToken(),
                    answer.expiresIn() == null ? null : now.plusSeconds(answer.expiresIn()),
                    answer.refreshTokenExpiresIn() == null ? null : now.plusSeconds(answer.refreshTokenExpiresIn()));
            // the old refresh token dies within minutes: store the new one before anything else
            shopAccounts.tokensRefreshed(KUAISHOU, shop.shopId(), grant);
            log.info("Kuaishou tokens of shop {} refreshed and stored", shop.shopId());
            return grant.accessToken();
        } finally {
            lock.unlock();
        }
    }

    /** The seller's id and shop name answered by {@code open.user.seller.get} (README 2.3 of docs/platforms/authorisation.md). */
    record Seller(String sellerId, String name) {
    }

    /**
     * {@code GET /oauth2/access_token} with {@code grant_type=code} (README 2.3): the code becomes the
     * shop's tokens. A refusal ({@code result} other than 1) is the seller's code being expired, used or
     * unknown, or the app's secret being wrong: nothing to retry.
     */
    TokenGrant exchangeCode(String code) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_id", properties.appKey());
        query.put("app_secret", properties.appSecret());
        query.put("grant_type", "code");
        query.put("code", code);
        KuaishouTokenResponse answer = withRetries("oauth2/access_token", () -> http.request(
                        URI.create(http.uri("/oauth2/access_token") + "?" + formEncode(query))).GET().build(),
                text -> json.readValue(text, KuaishouTokenResponse.class), ignored -> false);
        if (!answer.succeeded()) {
            throw new AuthorisationRefusedException(KUAISHOU, String.valueOf(answer.result()), answer.describe());
        }
        Instant now = clock.instant();
        return new TokenGrant(answer.accessToken(), answer.refreshToken(),
                answer.expiresIn() == null ? null : now.plusSeconds(answer.expiresIn()),
                answer.refreshTokenExpiresIn() == null ? null : now.plusSeconds(answer.refreshTokenExpiresIn()));
    }

    /** Who granted a fresh access token: the seller id Jiyun keys Kuaishou shops on, and the shop's name. */
    Seller sellerOf(String accessToken) {
        KuaishouResponse response = send(SELLER_GET, "{}", accessToken, false);
        if (!response.succeeded()) {
            throw new PlatformException(KUAISHOU, response.platformCode(), SELLER_GET + ": " + response.message(), false);
        }
        JsonNode data = response.data();
        String sellerId = data == null ? "" : data.path("sellerId").asText("");
        if (sellerId.isBlank()) {
            throw new PlatformException(KUAISHOU, "no-seller-id", SELLER_GET + " answered without a sellerId", false);
        }
        String name = data.path("name").asText("");
        return new Seller(sellerId, name.isBlank() ? "快手小店 " + sellerId : name);
    }

    private KuaishouTokenResponse requestRefresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("app_id", properties.appKey());
        form.put("app_secret", properties.appSecret());
        String body = formEncode(form);
        return withRetries("oauth2/refresh_token", () -> http.request(http.uri("/oauth2/refresh_token"))
                        .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                text -> json.readValue(text, KuaishouTokenResponse.class), answer -> false);
    }

    /**
     * Sends until an answer is readable and not throttled, pausing with exponential back-off after
     * 5xx, 429, timeouts, connection failures, truncated or unparseable bodies and QPS throttling.
     */
    private <T> T withRetries(String what, Supplier<HttpRequest> requests, BodyReader<T> reader,
                              Function<T, Boolean> throttled) {
        return http.call(what, requests, (status, body) -> {
            T answer;
            try {
                answer = reader.read(body);
            } catch (JsonProcessingException e) {
                if (status >= 400) {
                    throw new PlatformException(KUAISHOU, "http-" + status, what + " answered HTTP " + status, false);
                }
                throw http.repeat("unreadable_body", what + " answered a body that is not the platform's JSON");
            }
            if (answer == null) {
                throw http.repeat("empty_body", what + " answered an empty body");
            }
            if (throttled.apply(answer)) {
                throw http.repeat("throttled", what + " was throttled (exceed qps limit)");
            }
            return answer;
        });
    }

    private AuthorisationRevokedException revoked(String shopId, String code, String reason) {
        shopAccounts.authorisationRevoked(KUAISHOU, shopId, "Kuaishou " + code + ": " + reason);
        return new AuthorisationRevokedException(KUAISHOU, shopId, code, reason);
    }

    private String toJson(Object param) {
        try {
            return json.writeValueAsString(param);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write Kuaishou param " + param.getClass().getSimpleName(), e);
        }
    }

    private static String formEncode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(String body) throws JsonProcessingException;
    }

    @Override
    public String toString() {
        return "KuaishouClient[" + settings.baseUrl() + "]";
    }
}
