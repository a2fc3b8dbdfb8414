package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.kuaishou.KuaishouSigner.SignMethod;
import cn.jiyun.integrations.sync.ConnectorSettings;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Test data and a platform-side view of Kuaishou's wire format, written independently of the main code. */
final class KuaishouFixtures {

    static final String APP_KEY = "ks000000000000000001";
    static final String APP_SECRET = "app-secret-for-oauth-only";
    static final String SIGN_SECRET = "0123456789abcdef0123456789abcdef";
    /** Base64 of the 16-byte key "0123456789abcdef", as in README 2.8. */
    static final String MESSAGE_KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private KuaishouFixtures() {
    }

    static KuaishouProperties properties(SignMethod signMethod) {
        return new KuaishouProperties(APP_KEY, APP_SECRET, SIGN_SECRET, MESSAGE_KEY, signMethod);
    }

    /** Settings with small back-offs and timeouts so fault tests stay quick. */
    static ConnectorSettings settings(String baseUrl, Duration windowOverlap, Duration windowLength, int pageSize) {
        return ConnectorSettings.of(Platform.KUAISHOU, Map.of("base-url", baseUrl,
                "window-overlap", windowOverlap.toString(), "window-length", windowLength.toString(),
                "page-size", String.valueOf(pageSize), "connect-timeout", "2s", "read-timeout", "700ms",
                "retry.max-attempts", "3", "retry.initial-backoff", "10ms", "retry.max-backoff", "40ms"),
                KuaishouAutoConfiguration.DEFAULTS);
    }

    /** An order element as {@code open.order.cursor.list} sends it (README 2.5 example, with PII fields). */
    static String order(String oid, int status, long updateTime) {
        return """
                {"orderBaseInfo":{"oid":%s,"status":%d,"createTime":1699997000000,"payTime":1699997060000,
                "updateTime":%d,"totalFee":9900,"expressFee":0,"discountFee":1000,
                "buyerOpenId":"f1b68e8f2a4995ed14bf572415fe3aff","buyerNick":"买家***",
                "sellerOpenId":"Nb8oPhmFTcwPpYcJdfRnTr70nlt1u2eTFhvicWXG13P","remark":"","payType":1,"cpsType":1,
                "preSale":0,"riskCode":0,"disableDeliveryReasonCode":[],"promiseTimeStampOfDelivery":1700169860000},
                "orderItemInfo":{"orderItemId":2607602240240302,"itemId":23456789012,"relItemId":23456789012,
                "skuId":34567890123,"relSkuId":34567890123,"skuNick":"TSHIRT-RED-M","skuDesc":"红色,M",
                "itemTitle":"纯棉短袖T恤","num":1,"price":10900,"originalPrice":10900,"discountFee":1000},
                "orderAddress":{"province":"浙江省","provinceCode":330000,"city":"杭州市","cityCode":330100,
                "district":"西湖区","districtCode":330106,"town":"文新街道","townCode":330106008,
                "encryptedConsignee":"#ks#enc","encryptedMobile":"#ks#enc","encryptedAddress":"#ks#enc",
                "desensitiseConsignee":"张*","desensitiseMobile":"138****0021","desensitiseAddress":"文新街道***"},
                "orderLogisticsInfo":[],"orderDeliveryInfo":{"deliveryStatus":0,"deliveryNum":0,"packageNum":0},
                "orderRefundList":[],"subOrderInfo":[]}""".formatted(oid, status, updateTime);
    }

    /** A successful {@code open.order.cursor.list} answer. */
    static String page(String cursor, String... orders) {
        return "{\"result\":1,\"error_msg\":\"\",\"data\":{\"cursor\":\"" + cursor
                + "\",\"pageSize\":50,\"orderList\":[" + String.join(",", orders) + "]}}";
    }

    /** Encrypts a push message as Kuaishou does: AES/CBC/PKCS5Padding, zero IV, Base64. */
    static String encrypt(String plaintext, String base64Key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new IvParameterSpec(new byte[16]));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pushMessage(String eventId, String sellerId, String oid) {
        return pushMessage(eventId, sellerId, "open-" + sellerId, oid);
    }

    static String pushMessage(String eventId, String sellerId, String sellerOpenId, String oid) {
        // created now: a push older than the redelivery schedule is refused as a replay
        return pushMessage(eventId, sellerId, sellerOpenId, oid, System.currentTimeMillis());
    }

    static String pushMessage(String eventId, String sellerId, String sellerOpenId, String oid, long createdAt) {
        String info = "{\\\"oid\\\":" + oid + ",\\\"sellerId\\\":" + sellerId + ",\\\"status\\\":30,\\\"updateTime\\\":1700000000000}";
        return "{\"eventId\":\"" + eventId + "\",\"bizId\":" + oid + ",\"userId\":" + sellerId
                + ",\"openId\":\"" + sellerOpenId + "\",\"appKey\":\"" + APP_KEY
                + "\",\"event\":\"kwaishop_order_paySuccess\",\"info\":\"" + info
                + "\",\"createTime\":" + createdAt + ",\"test\":false}";
    }

    /**
     * What the gateway does before anything else: recompute the signature from the parameters it
     * received (query string or form body) with the sign secret and compare.
     */
    static ValueMatcher<Request> signedAsKuaishouRequires() {
        return request -> {
            Map<String, String> received = new LinkedHashMap<>(parse(URI.create(request.getUrl()).getRawQuery()));
            String contentType = request.getHeader("Content-Type");
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                received.putAll(parse(request.getBodyAsString()));
            }
            return MatchResult.of(received.containsKey("sign")
                    && received.get("sign").equals(platformSignature(received)));
        };
    }

    static String platformSignature(Map<String, String> received) {
        TreeMap<String, String> signed = new TreeMap<>();
        for (String key : new String[]{"access_token", "appkey", "method", "param", "signMethod", "timestamp", "version"}) {
            if (received.get(key) != null) {
                signed.put(key, received.get(key));
            }
        }
        StringBuilder text = new StringBuilder();
        signed.forEach((k, v) -> text.append(k).append('=').append(v).append('&'));
        text.append("signSecret=").append(SIGN_SECRET);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if ("HMAC_SHA256".equals(received.get("signMethod"))) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SIGN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(bytes));
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }
}
