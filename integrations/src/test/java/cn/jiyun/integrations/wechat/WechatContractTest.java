package cn.jiyun.integrations.wechat;

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

import static cn.jiyun.integrations.wechat.WechatFixtures.listAnswer;
import static cn.jiyun.integrations.wechat.WechatFixtures.orderAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/** The connector contract against WeChat Channels Shop's wire format. */
@SpringBootTest(classes = WechatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "jiyun.platforms.wechat.app-id=" + WechatFixtures.APP_ID,
                "jiyun.platforms.wechat.app-secret=" + WechatFixtures.APP_SECRET,
                "jiyun.platforms.wechat.token=" + WechatFixtures.TOKEN,
                "jiyun.platforms.wechat.encoding-aes-key=" + WechatFixtures.AES_KEY})
class WechatContractTest extends ConnectorContract {

    static final WireMockServer wechat = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        wechat.start();
    }

    @DynamicPropertySource
    static void wechatOnWireMock(DynamicPropertyRegistry registry) {
        contractSettings(registry, Platform.WECHAT, wechat);
    }

    @AfterAll
    static void stopWechat() {
        wechat.stop();
    }

    @Autowired
    WechatTestApplication.FreshIntake intake;
    @Autowired
    WechatTestApplication.FreshShopAccounts shops;

    private final WechatMessageCrypto platformSide = new WechatMessageCrypto(WechatFixtures.TOKEN,
            WechatFixtures.AES_KEY, WechatFixtures.APP_ID);

    @Override
    protected Platform platform() {
        return Platform.WECHAT;
    }

    @Override
    protected WireMockServer api() {
        return wechat;
    }

    @Override
    protected InMemoryIntake intake() {
        return intake.current();
    }

    @Override
    protected InMemoryShopAccounts shops() {
        return shops.current();
    }

    private static MappingBuilder list(String accessToken) {
        return post(urlPathEqualTo(WechatApiClient.ORDER_LIST)).withQueryParam("access_token", equalTo(accessToken));
    }

    /** Ids two a page, {@code next_key} naming the next; each order from its own {@code order/get}. */
    private void pages(String accessToken, String... orderIds) {
        for (int page = 0; page * 2 < orderIds.length; page++) {
            boolean more = page * 2 + 2 < orderIds.length;
            wechat.stubFor(list(accessToken)
                    .withRequestBody(containing("\"next_key\":\"" + (page == 0 ? "" : "k" + page) + "\""))
                    .willReturn(okJson(listAnswer(more ? "k" + (page + 1) : "", more,
                            Arrays.copyOfRange(orderIds, page * 2, Math.min(orderIds.length, page * 2 + 2))))));
        }
        for (String orderId : orderIds) {
            wechat.stubFor(post(urlPathEqualTo(WechatApiClient.ORDER_GET)).withQueryParam("access_token",
                    equalTo(accessToken)).withRequestBody(equalToJson("{\"order_id\":\"" + orderId + "\"}"))
                    .willReturn(okJson(orderAnswer(orderId, 20, now().getEpochSecond() - 60))));
        }
    }

    @Override
    protected void answersOrders(String shopId, String... orderIds) {
        pages(token(shopId), orderIds);
    }

    @Override
    protected void answersOnceUnavailableThenOrder(String shopId, String orderId) {
        wechat.stubFor(list(token(shopId)).inScenario(shopId).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        wechat.stubFor(list(token(shopId)).inScenario(shopId).whenScenarioStateIs("up")
                .willReturn(okJson(listAnswer("", false, orderId))));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.ORDER_GET)).withQueryParam("access_token",
                equalTo(token(shopId))).willReturn(okJson(orderAnswer(orderId, 20, now().getEpochSecond()))));
    }

    @Override
    protected void answersTokenExpiredThenOrder(String shopId, String orderId) {
        wechat.stubFor(list(token(shopId)).willReturn(okJson("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")));
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.STABLE_TOKEN))
                .willReturn(okJson("{\"access_token\":\"new-" + shopId + "\",\"expires_in\":7200}")));
        pages("new-" + shopId, orderId);
    }

    @Override
    protected void answersRevoked(String shopId) {
        wechat.stubFor(list(token(shopId)).willReturn(okJson("{\"errcode\":48001,\"errmsg\":\"api unauthorized\"}")));
    }

    @Override
    protected void answersUnavailable(String shopId) {
        wechat.stubFor(list(token(shopId)).willReturn(aResponse().withStatus(500)));
    }

    @Override
    protected void answersRefusal(String shopId) {
        wechat.stubFor(list(token(shopId)).willReturn(okJson("{\"errcode\":61004,\"errmsg\":\"clientip not registered\"}")));
    }

    @Override
    protected int listCalls(String shopId) {
        return wechat.findAll(postRequestedFor(urlPathEqualTo(WechatApiClient.ORDER_LIST))
                .withQueryParam("access_token", equalTo(token(shopId)))).size();
    }

    @Override
    protected HttpRequest.Builder push(URI webhook, String shopId, String messageId, boolean authentic) {
        String message = """
                {"ToUserName":"%s","FromUserName":"oABCD1234567890","CreateTime":1700000300,"MsgType":"event",\
                "Event":"channels_ec_order_pay","MsgId":"%s","order_info":{"order_id":3705115058471208928}}"""
                .formatted(shopId, messageId);
        String encrypted = platformSide.encrypt(message);
        // signed now: the reader refuses a push more than five minutes from its clock
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        String signature = platformSide.messageSignature(timestamp, authentic ? "42" : "43", encrypted);
        return HttpRequest.newBuilder(URI.create(webhook + "?timestamp=" + timestamp + "&nonce=42&encrypt_type=aes"
                        + "&msg_signature=" + signature))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ToUserName\":\"" + shopId + "\",\"Encrypt\":\""
                        + encrypted + "\"}"));
    }
}
