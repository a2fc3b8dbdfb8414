package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.kuaishou.KuaishouSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the connectors never send, refused as the platforms refuse them (README 1.4, 2.4, 3.1, 3.2). */
class SandboxRefusalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MutableClock clock = new MutableClock(SandboxTestbed.NOW);
    private final SandboxCredentials demo = SandboxCredentials.DEMO;
    private PlatformSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = new PlatformSandbox(SandboxProperties.forTests(1, 3), clock);
        sandbox.start(SandboxTestbed.CATALOGUE);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void douyinRefusesATimestampFiveMinutesOff() throws Exception {
        String timestamp = Long.toString(clock.instant().minusSeconds(301).getEpochSecond());

        JsonNode answer = douyin("order.searchList", "douyin-access-1", timestamp, "{\"page\":0,\"size\":10}");

        assertThat(answer.path("code").asInt()).isEqualTo(40003);
        assertThat(answer.path("sub_code").asText()).isEqualTo("isv.timestamp-invalid");
        assertThat(answer.path("log_id").asText()).isNotEmpty();
    }

    @Test
    void douyinRefusesPagesOfMoreThanAHundred() throws Exception {
        String timestamp = Long.toString(clock.instant().getEpochSecond());

        JsonNode answer = douyin("order.searchList", "douyin-access-1", timestamp, "{\"page\":0,\"size\":101}");

        assertThat(answer.path("sub_code").asText()).isEqualTo("isv.parameter-format-invalid");
    }

    @Test
    void douyinAnswersAnotherShopsOrderAsUnknown() throws Exception {
        String otherShopsOrder = sandbox.orders(Platform.DOUYIN, SandboxTestbed.DOUYIN_SHOP_2)
                .get(0).orderId();
        String timestamp = Long.toString(clock.instant().getEpochSecond());

        JsonNode answer = douyin("order.orderDetail", "douyin-access-1", timestamp,
                "{\"shop_order_id\":\"" + otherShopsOrder + "\"}");

        assertThat(answer.path("code").asInt()).isNotEqualTo(10000);
        assertThat(answer.path("data").isNull()).isTrue();
    }

    @Test
    void kuaishouRefusesRangesLongerThanSevenDays() throws Exception {
        long end = clock.millis();
        String param = "{\"orderViewStatus\":1,\"pageSize\":50,\"sort\":1,\"queryType\":2,\"beginTime\":"
                + (end - Duration.ofDays(8).toMillis()) + ",\"endTime\":" + end + ",\"cpsType\":0,\"cursor\":\"\"}";
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appkey", demo.kuaishouAppKey());
        parameters.put("method", "open.order.cursor.list");
        parameters.put("version", "1");
        parameters.put("param", param);
        parameters.put("access_token", "ChFvYXV0aC5kZW1vLWFjY2Vzcw");
        parameters.put("timestamp", Long.toString(end));
        parameters.put("signMethod", "HMAC_SHA256");
        parameters.put("sign", new KuaishouSigner(demo.kuaishouSignSecret()).sign(parameters));

        JsonNode answer = send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl(Platform.KUAISHOU)
                + "/open/order/cursor/list?" + form(parameters))).GET().build());

        assertThat(answer.path("result").asInt()).isEqualTo(KuaishouSandboxApi.RANGE_TOO_LONG);
    }

    @Test
    void wechatRefusesListWindowsLongerThanSevenDaysAndUnknownTokens() throws Exception {
        String base = sandbox.baseUrl(Platform.WECHAT);
        JsonNode token = send(post(base + "/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\""
                + demo.wechatAppId() + "\",\"secret\":\"" + demo.wechatAppSecret() + "\",\"force_refresh\":false}"));
        assertThat(token.path("expires_in").asInt()).isEqualTo(7200);
        long end = clock.instant().getEpochSecond();
        String eightDays = "{\"update_time_range\":{\"start_time\":" + (end - Duration.ofDays(8).toSeconds())
                + ",\"end_time\":" + end + "},\"page_size\":10,\"next_key\":\"\"}";

        JsonNode tooLong = send(post(base + "/channels/ec/order/list/get?access_token="
                + token.path("access_token").asText(), eightDays));
        JsonNode unknown = send(post(base + "/channels/ec/order/list/get?access_token=never-issued", eightDays));

        assertThat(tooLong.path("errcode").asInt()).isEqualTo(47001);
        assertThat(unknown.path("errcode").asInt()).isEqualTo(40001);
    }

    private JsonNode douyin(String method, String accessToken, String timestamp, String paramJson) throws Exception {
        DouyinSandboxApi api = new DouyinSandboxApi(new SandboxApi.Parts(demo, null, null, clock, w -> { }, null));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", demo.douyinAppKey());
        query.put("method", method);
        query.put("access_token", accessToken);
        query.put("timestamp", timestamp);
        query.put("v", "2");
        query.put("sign_method", "hmac-sha256");
        query.put("sign", api.expectedSign("hmac-sha256", method, timestamp, paramJson));
        return send(post(sandbox.baseUrl(Platform.DOUYIN) + "/" + method.replace('.', '/') + "?"
                + form(query), paramJson));
    }

    private static HttpRequest post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
