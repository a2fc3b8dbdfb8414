package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.testing.ConnectorContract;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static cn.jiyun.integrations.douyin.DouyinFixtures.error;
import static cn.jiyun.integrations.douyin.DouyinFixtures.order;
import static cn.jiyun.integrations.douyin.DouyinFixtures.page;
import static cn.jiyun.integrations.douyin.DouyinFixtures.success;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/** The connector contract against Douyin's wire format. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jiyun.platforms.douyin.app-key=" + DouyinFixtures.APP_KEY,
        "jiyun.platforms.douyin.app-secret=" + DouyinFixtures.APP_SECRET})
class DouyinContractTest extends ConnectorContract {

    static final WireMockServer douyin = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        douyin.start();
    }

    @DynamicPropertySource
    static void douyinOnWireMock(DynamicPropertyRegistry registry) {
        contractSettings(registry, Platform.DOUYIN, douyin);
    }

    @AfterAll
    static void stopDouyin() {
        douyin.stop();
    }

    @Autowired
    InMemoryIntake intake;
    @Autowired
    InMemoryShopAccounts shops;
    @Autowired
    DouyinSigner signer;

    @Override
    protected Platform platform() {
        return Platform.DOUYIN;
    }

    @Override
    protected WireMockServer api() {
        return douyin;
    }

    @Override
    protected InMemoryIntake intake() {
        return intake;
    }

    @Override
    protected InMemoryShopAccounts shops() {
        return shops;
    }

    private static MappingBuilder searchList(String accessToken) {
        return post(urlPathEqualTo("/order/searchList")).withQueryParam("access_token", equalTo(accessToken));
    }

    private String orderOf(String shopId, String orderId) {
        return order(orderId, 2, now().getEpochSecond() - 60).replace("\"shop_id\":12345678", "\"shop_id\":" + shopId);
    }

    private void pages(String accessToken, String shopId, String... orderIds) {
        List<String> orders = Arrays.stream(orderIds).map(id -> orderOf(shopId, id)).toList();
        for (int page = 0; page * 2 < orders.size(); page++) {
            douyin.stubFor(searchList(accessToken).withRequestBody(containing("\"page\":" + page + ","))
                    .willReturn(okJson(page(page, 2, orders.size(),
                            orders.subList(page * 2, Math.min(orders.size(), page * 2 + 2)).toArray(String[]::new)))));
        }
    }

    @Override
    protected void answersOrders(String shopId, String... orderIds) {
        pages(token(shopId), shopId, orderIds);
    }

    @Override
    protected void answersOnceUnavailableThenOrder(String shopId, String orderId) {
        douyin.stubFor(searchList(token(shopId)).inScenario(shopId).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        douyin.stubFor(searchList(token(shopId)).inScenario(shopId).whenScenarioStateIs("up")
                .willReturn(okJson(page(0, 2, 1, orderOf(shopId, orderId)))));
    }

    @Override
    protected void answersTokenExpiredThenOrder(String shopId, String orderId) {
        douyin.stubFor(searchList(token(shopId))
                .willReturn(okJson(error(40003, "isv.access-token-expired", "access_token已过期"))));
        douyin.stubFor(post(urlPathEqualTo("/token/refresh")).withRequestBody(containing("rt-" + shopId))
                .willReturn(okJson(success("{\"access_token\":\"new-" + shopId + "\",\"expires_in\":604800,"
                        + "\"refresh_token\":\"rt2-" + shopId + "\"}"))));
        pages("new-" + shopId, shopId, orderId);
    }

    @Override
    protected void answersRevoked(String shopId) {
        douyin.stubFor(searchList(token(shopId)).willReturn(okJson(error(30001, "dop.authorization-closed", "授权已关闭"))));
    }

    @Override
    protected void answersUnavailable(String shopId) {
        douyin.stubFor(searchList(token(shopId)).willReturn(aResponse().withStatus(503)));
    }

    @Override
    protected void answersRefusal(String shopId) {
        douyin.stubFor(searchList(token(shopId))
                .willReturn(okJson(error(40003, "isv.parameter-format-invalid", "参数格式错误"))));
    }

    @Override
    protected int listCalls(String shopId) {
        return douyin.countRequestsMatching(postRequestedFor(urlPathEqualTo("/order/searchList"))
                .withQueryParam("access_token", equalTo(token(shopId))).build()).getCount();
    }

    @Override
    protected HttpRequest.Builder push(URI webhook, String shopId, String messageId, boolean authentic) {
        String body = DouyinRoutesTest.push("101", messageId, shopId, "");
        String signed = authentic ? body : body.replace(shopId, "70000009");
        return HttpRequest.newBuilder(webhook)
                .header("Content-Type", "application/json")
                .header("app-id", DouyinFixtures.APP_KEY)
                .header("event-sign", signer.eventSign(signed.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
