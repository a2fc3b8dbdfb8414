package cn.jiyun.integrations.douyin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README 1.2 and 1.9 test vectors, and the canonical param_json rules. */
class DouyinSignerTest {

    static final String APP_KEY = "7000000000000000001";
    static final String APP_SECRET = "00000000-1111-2222-3333-444444444444";

    private final DouyinSigner hmac = new DouyinSigner(APP_KEY, APP_SECRET, DouyinSignMethod.HMAC_SHA256);
    private final DouyinSigner md5 = new DouyinSigner(APP_KEY, APP_SECRET, DouyinSignMethod.MD5);

    @Test
    void signsSearchListWithHmacSha256AsTheReadmeVector() {
        String paramJson = "{\"order_asc\":true,\"order_by\":\"update_time\",\"page\":0,\"size\":50,"
                + "\"update_time_end\":1700000000,\"update_time_start\":1699996400}";

        assertThat(hmac.sign("order.searchList", "1700000000", paramJson))
                .isEqualTo("8bba771d02bd537ce02a67b9bdccdb5db7b91f3f68d0261e7a0bc7d2f0a336ee");
    }

    @Test
    void signsSearchListWithMd5AsTheReadmeVector() {
        String paramJson = "{\"order_asc\":true,\"order_by\":\"update_time\",\"page\":0,\"size\":50,"
                + "\"update_time_end\":1700000000,\"update_time_start\":1699996400}";

        assertThat(md5.sign("order.searchList", "1700000000", paramJson))
                .isEqualTo("44321af6e87c108a28c405b8b6bf60a9");
    }

    @Test
    void signsEmptyParamsAsTheLiteralEmptyObject() {
        String paramJson = DouyinParamJson.of(Map.of());

        assertThat(paramJson).isEqualTo("{}");
        assertThat(hmac.sign("order.logisticsCompanyList", "1700000000", paramJson))
                .isEqualTo("168f2bf4b2a0b1a2196409d30f679949ae70002ec55be839e19ca523bb203337");
    }

    @Test
    void canonicalParamJsonIsTheVectorStringWhateverTheInsertionOrder() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("update_time_start", 1699996400L);
        params.put("update_time_end", 1700000000L);
        params.put("size", 50);
        params.put("page", 0);
        params.put("order_by", "update_time");
        params.put("order_asc", true);

        assertThat(DouyinParamJson.of(params)).isEqualTo("{\"order_asc\":true,\"order_by\":\"update_time\","
                + "\"page\":0,\"size\":50,\"update_time_end\":1700000000,\"update_time_start\":1699996400}");
    }

    @Test
    void canonicalParamJsonSortsNestedKeysKeepsArrayOrderAndEscapesNothingExtra() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", "&<>='/ô汉😀");
        inner.put("a", null);
        inner.put("m", 1);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("list", List.of(Map.of("b", 2, "a", 1), Map.of("d", 4, "c", 3)));
        params.put("obj", inner);

        assertThat(DouyinParamJson.of(params))
                .isEqualTo("{\"list\":[{\"a\":1,\"b\":2},{\"c\":3,\"d\":4}],\"obj\":{\"m\":1,\"z\":\"&<>='/ô汉😀\"}}");
    }

    @Test
    void computesTheReadmeEventSignForTheExamplePush() throws IOException {
        byte[] body = readmeVectorBody();

        assertThat(md5.eventSign(body)).isEqualTo("a488df856f35e59fad5ad836ebcda2e6");
        assertThat(hmac.isAuthentic(body, "a488df856f35e59fad5ad836ebcda2e6")).isTrue();
        assertThat(hmac.isAuthentic(body, "A488DF856F35E59FAD5AD836EBCDA2E6")).isTrue();
    }

    @Test
    void rejectsAnEventSignOverAnyOtherBytes() throws IOException {
        byte[] body = readmeVectorBody();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("9900", "9901")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(hmac.isAuthentic(tampered, "a488df856f35e59fad5ad836ebcda2e6")).isFalse();
        assertThat(hmac.isAuthentic(body, "")).isFalse();
        assertThat(hmac.isAuthentic(body, null)).isFalse();
    }

    @Test
    void neverPrintsTheSecretOrTokens() {
        assertThat(hmac.toString()).doesNotContain(APP_SECRET);
        assertThat(DouyinFixtures.properties().toString()).doesNotContain(APP_SECRET);
        assertThat(new DouyinTokenData("at-secret", 604800L, "rt-secret", "1", "店").toString())
                .doesNotContain("at-secret", "rt-secret");
    }

    static byte[] readmeVectorBody() throws IOException {
        try (InputStream in = DouyinSignerTest.class.getResourceAsStream("/douyin/push-101-readme-vector.json")) {
            return in.readAllBytes();
        }
    }
}
