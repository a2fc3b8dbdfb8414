package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.ShopAccount;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Douyin wire data for tests: settings, shops, orders and envelopes as Douyin spells them. */
final class DouyinFixtures {

    static final String APP_KEY = "7000000000000000001";
    static final String APP_SECRET = "00000000-1111-2222-3333-444444444444";
    static final String SHOP_ID = "12345678";
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final String NOW_SECONDS = "1700000000";

    private DouyinFixtures() {
    }

    static DouyinProperties properties() {
        return new DouyinProperties(APP_KEY, APP_SECRET, DouyinSignMethod.HMAC_SHA256, Map.of());
    }

    static ConnectorSettings settings(String baseUrl) {
        return settings(baseUrl, Duration.ofHours(1), 2);
    }

    /** Settings with small back-offs and timeouts so fault tests stay quick. */
    static ConnectorSettings settings(String baseUrl, Duration windowLength, int pageSize) {
        return ConnectorSettings.of(Platform.DOUYIN, Map.of("base-url", baseUrl,
                "window-length", windowLength.toString(), "page-size", String.valueOf(pageSize),
                "connect-timeout", "2s", "read-timeout", "400ms", "retry.max-attempts", "3",
                "retry.initial-backoff", "1ms", "retry.max-backoff", "5ms"), DouyinAutoConfiguration.DEFAULTS);
    }

    static ShopAccount shop(Instant cursor) {
        return new ShopAccount(Platform.DOUYIN, SHOP_ID, "at-old", "rt-old", NOW.plus(Duration.ofDays(5)), cursor);
    }

    /** The HMAC-SHA256 sign Douyin computes for a call, written out independently of the production signer. */
    static String platformSign(String method, String paramJson) {
        String pattern = APP_SECRET + "app_key" + APP_KEY + "method" + method + "param_json" + paramJson
                + "timestamp" + NOW_SECONDS + "v2" + APP_SECRET;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(pattern.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST to the method's path with exactly this body, signed as Douyin would check it. */
    static MappingBuilder signedCall(String method, String accessToken, String paramJson) {
        MappingBuilder call = post(urlPathEqualTo("/" + method.replace('.', '/')))
                .withQueryParam("app_key", equalTo(APP_KEY))
                .withQueryParam("method", equalTo(method))
                .withQueryParam("timestamp", equalTo(NOW_SECONDS))
                .withQueryParam("v", equalTo("2"))
                .withQueryParam("sign_method", equalTo("hmac-sha256"))
                .withQueryParam("sign", equalTo(platformSign(method, paramJson)))
                .withRequestBody(equalTo(paramJson));
        return accessToken == null ? call : call.withQueryParam("access_token", equalTo(accessToken));
    }

    static String searchListParams(long from, long to, int page, int size) {
        return "{\"order_asc\":true,\"order_by\":\"update_time\",\"page\":" + page + ",\"size\":" + size
                + ",\"update_time_end\":" + to + ",\"update_time_start\":" + from + "}";
    }

    static String success(String data) {
        return "{\"code\":10000,\"msg\":\"success\",\"sub_code\":\"\",\"sub_msg\":\"\","
                + "\"log_id\":\"20231115091320010203040506070809AB\",\"data\":" + data + "}";
    }

    static String error(int code, String subCode, String subMsg) {
        return "{\"code\":" + code + ",\"msg\":\"fail\",\"sub_code\":\"" + subCode + "\",\"sub_msg\":\"" + subMsg
                + "\",\"log_id\":\"20231115091320010203040506070809CD\",\"data\":{}}";
    }

    static String page(int page, int size, int total, String... orders) {
        return success("{\"page\":" + page + ",\"size\":" + size + ",\"total\":" + total
                + ",\"shop_order_list\":[" + String.join(",", orders) + "]}");
    }

    /** A paid (备货中) order like README 1.5's example, with one line. */
    static String order(String orderId, int status, long updateTime) {
        return "{\"order_id\":\"" + orderId + "\",\"shop_id\":12345678,\"shop_name\":\"示例旗舰店\","
                + "\"order_status\":" + status + ",\"order_status_desc\":\"备货中\",\"order_type\":0,\"b_type\":2,"
                + "\"create_time\":1699990000,\"update_time\":" + updateTime + ",\"pay_time\":1699990020,"
                + "\"finish_time\":0,\"exp_ship_time\":1700169320,\"ship_time\":0,"
                + "\"order_amount\":10900,\"pay_amount\":9900,\"post_amount\":0,\"promotion_amount\":1000,"
                + "\"encrypt_post_receiver\":\"#Aa1Bb2#1##\",\"mask_post_receiver\":\"张**\","
                + "\"encrypt_post_tel\":\"$Cc3Dd4$1##\",\"mask_post_tel\":\"1********21\","
                + "\"post_addr\":{\"province\":{\"name\":\"宁夏回族自治区\",\"id\":\"64\"},"
                + "\"city\":{\"name\":\"固原市\",\"id\":\"6404\"},\"town\":{\"name\":\"原州区\",\"id\":\"640402\"},"
                + "\"street\":{\"name\":\"南关街道\",\"id\":\"640402001\"},\"detail\":\"\",\"encrypt_detail\":\"~Ee5Ff6~1##\"},"
                + "\"logistics_info\":[],"
                + "\"sku_order_list\":[{\"order_id\":\"" + orderId + "1\",\"parent_order_id\":\"" + orderId + "\","
                + "\"order_status\":" + status + ",\"product_id\":3512345678901234567,"
                + "\"product_id_str\":\"3512345678901234567\",\"sku_id\":1768123456789012,"
                + "\"out_sku_id\":\"GOJI-500G\",\"code\":\"GOJI-500G\",\"product_name\":\"中宁枸杞 500克\","
                + "\"item_num\":1,\"origin_amount\":10900,\"sum_amount\":10900,\"pay_amount\":9900,"
                + "\"goods_type\":0,\"exp_ship_time\":1700169320,\"theme_type\":\"1\"}]}";
    }
}
