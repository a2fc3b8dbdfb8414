package cn.jiyun.integrations.kuaishou;

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
import java.util.Arrays;
import java.util.List;

import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.encrypt;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.order;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.page;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.pushMessage;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/** The connector contract against Kuaishou's wire format. */
@SpringBootTest(classes = KuaishouTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "jiyun.platforms.kuaishou.app-key=" + KuaishouFixtures.APP_KEY,
                "jiyun.platforms.kuaishou.app-secret=" + KuaishouFixtures.APP_SECRET,
                "jiyun.platforms.kuaishou.sign-secret=" + KuaishouFixtures.SIGN_SECRET,
                "jiyun.platforms.kuaishou.message-key=" + KuaishouFixtures.MESSAGE_KEY})
class KuaishouContractTest extends ConnectorContract {

    private static final String LIST = "/open/order/cursor/list";
    static final WireMockServer kuaishou = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        kuaishou.start();
    }

    @DynamicPropertySource
    static void kuaishouOnWireMock(DynamicPropertyRegistry registry) {
        contractSettings(registry, Platform.KUAISHOU, kuaishou);
    }

    @AfterAll
    static void stopKuaishou() {
        kuaishou.stop();
    }

    @Autowired
    InMemoryIntake intake;
    @Autowired
    InMemoryShopAccounts shops;

    @Override
    protected Platform platform() {
        return Platform.KUAISHOU;
    }

    @Override
    protected WireMockServer api() {
        return kuaishou;
    }

    @Override
    protected InMemoryIntake intake() {
        return intake;
    }

    @Override
    protected InMemoryShopAccounts shops() {
        return shops;
    }

    private static MappingBuilder list(String accessToken) {
        return get(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo(accessToken));
    }

    /** Two orders a page, each page naming the cursor of the next, the last one "nomore". */
    private void pages(String accessToken, String... orderIds) {
        List<String> orders = Arrays.stream(orderIds)
                .map(id -> order(id, 30, now().toEpochMilli() - 60_000)).toList();
        for (int page = 0; page * 2 < orders.size(); page++) {
            boolean last = page * 2 + 2 >= orders.size();
            kuaishou.stubFor(list(accessToken)
                    .withQueryParam("param", containing("\"cursor\":\"" + (page == 0 ? "" : "c" + page) + "\""))
                    .willReturn(okJson(page(last ? "nomore" : "c" + (page + 1),
                            orders.subList(page * 2, Math.min(orders.size(), page * 2 + 2)).toArray(String[]::new)))));
        }
    }

    @Override
    protected void answersOrders(String shopId, String... orderIds) {
        pages(token(shopId), orderIds);
    }

    @Override
    protected void answersOnceUnavailableThenOrder(String shopId, String orderId) {
        kuaishou.stubFor(list(token(shopId)).inScenario(shopId).whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("up"));
        kuaishou.stubFor(list(token(shopId)).inScenario(shopId).whenScenarioStateIs("up")
                .willReturn(okJson(page("nomore", order(orderId, 30, now().toEpochMilli())))));
    }

    @Override
    protected void answersTokenExpiredThenOrder(String shopId, String orderId) {
        kuaishou.stubFor(list(token(shopId)).willReturn(okJson("{\"result\":28,\"error_msg\":\"TOKEN过期\"}")));
        kuaishou.stubFor(post(urlPathEqualTo("/oauth2/refresh_token")).withRequestBody(containing("rt-" + shopId))
                .willReturn(okJson("{\"result\":1,\"access_token\":\"new-" + shopId + "\",\"expires_in\":172800,"
                        + "\"refresh_token\":\"rt2-" + shopId + "\",\"refresh_token_expires_in\":15552000}")));
        pages("new-" + shopId, orderId);
    }

    @Override
    protected void answersRevoked(String shopId) {
        kuaishou.stubFor(list(token(shopId)).willReturn(okJson("{\"result\":24,\"error_msg\":\"AUTHORIZATION_REVOKED\"}")));
    }

    @Override
    protected void answersUnavailable(String shopId) {
        kuaishou.stubFor(list(token(shopId)).willReturn(serverError()));
    }

    @Override
    protected void answersRefusal(String shopId) {
        kuaishou.stubFor(list(token(shopId)).willReturn(okJson("{\"result\":300005,\"error_msg\":\"只能查询最近90天的数据\"}")));
    }

    @Override
    protected int listCalls(String shopId) {
        return kuaishou.countRequestsMatching(getRequestedFor(urlPathEqualTo(LIST))
                .withQueryParam("access_token", equalTo(token(shopId))).build()).getCount();
    }

    @Override
    protected HttpRequest.Builder push(URI webhook, String shopId, String messageId, boolean authentic) {
        String key = authentic ? KuaishouFixtures.MESSAGE_KEY : "ZmVkY2JhOTg3NjU0MzIxMA==";
        return HttpRequest.newBuilder(webhook)
                .header("Content-Type", "text/plain;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(encrypt(pushMessage(messageId, shopId, "81000001"), key)));
    }
}
