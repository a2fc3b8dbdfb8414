package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.sync.ConnectorSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Shared settings and WeChat answers for the connector tests. */
final class WechatFixtures {

    static final String APP_ID = "wx0000000000000001";
    static final String APP_SECRET = "app-secret-never-logged";
    static final String TOKEN = "AAAAA";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String SHOP_ID = "gh_0123456789ab";
    /** 2023-11-14T22:13:20Z. */
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private WechatFixtures() {
    }

    static WechatProperties properties() {
        return new WechatProperties(APP_ID, APP_SECRET, TOKEN, AES_KEY, 4, Map.of());
    }

    static ConnectorSettings settings(String baseUrl) {
        return settings(baseUrl, Duration.ofDays(3));
    }

    /** Settings with small back-offs and timeouts so fault tests stay quick. */
    static ConnectorSettings settings(String baseUrl, Duration backfill) {
        return ConnectorSettings.of(Platform.WECHAT, Map.of("base-url", baseUrl, "backfill", backfill.toString(),
                "polling-enabled", "false", "connect-timeout", "1s", "read-timeout", "700ms",
                "retry.max-attempts", "3", "retry.initial-backoff", "10ms", "retry.max-backoff", "40ms"),
                WechatAutoConfiguration.DEFAULTS);
    }

    static ShopAccount shop(String accessToken, Instant cursor) {
        return new ShopAccount(Platform.WECHAT, SHOP_ID, accessToken, "", NOW.plusSeconds(3600), cursor);
    }

    /** An {@code order/get} answer for a one-line order. */
    static String orderAnswer(String orderId, int status, long updateTime) {
        return """
                {"errcode":0,"errmsg":"ok","order":{"order_id":"%s","status":%d,"create_time":1699997000,\
                "update_time":%d,"openid":"oABCD1234567890","order_detail":{"product_infos":[{\
                "product_id":"10000012345678","sku_id":"2000001234567","title":"纯棉短袖T恤","sku_cnt":2,\
                "sale_price":10900,"real_price":19800,"finish_aftersale_sku_cnt":0,"delivery_deadline":1700169860}],\
                "pay_info":{"pay_time":1699997060},"price_info":{"product_price":21800,"order_price":19800,"freight":0},\
                "delivery_info":{"address_info":{"user_name":"张*","tel_number":"138****0021",\
                "province_name":"宁夏回族自治区","city_name":"银川市","detail_info":"文新街道***"},\
                "delivery_product_info":[]}}}}"""
                .formatted(orderId, status, updateTime);
    }

    /** An {@code order/list/get} answer. */
    static String listAnswer(String nextKey, boolean hasMore, String... orderIds) {
        StringBuilder ids = new StringBuilder();
        for (String id : orderIds) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        return """
                {"errcode":0,"errmsg":"ok","order_id_list":[%s],"next_key":"%s","has_more":%s}"""
                .formatted(ids, nextKey, hasMore);
    }

    static String listRequest(Instant from, Instant to, String nextKey) {
        return """
                {"update_time_range":{"start_time":%d,"end_time":%d},"page_size":100,"next_key":"%s"}"""
                .formatted(from.getEpochSecond(), to.getEpochSecond(), nextKey);
    }

    static String resource(String name) {
        try (InputStream in = WechatFixtures.class.getResourceAsStream("/wechat/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource wechat/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
