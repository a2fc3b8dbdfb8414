package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static cn.jiyun.integrations.douyin.DouyinFixtures.NOW;
import static cn.jiyun.integrations.douyin.DouyinFixtures.error;
import static cn.jiyun.integrations.douyin.DouyinFixtures.order;
import static cn.jiyun.integrations.douyin.DouyinFixtures.page;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The timer route polling every active shop, each on its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jiyun.platforms.douyin.app-key=" + DouyinFixtures.APP_KEY,
        "jiyun.platforms.douyin.app-secret=" + DouyinFixtures.APP_SECRET,
        "jiyun.platforms.douyin.poll-initial-delay=200ms",
        "jiyun.platforms.douyin.poll-interval=500ms",
        "jiyun.platforms.douyin.retry.max-attempts=2",
        "jiyun.platforms.douyin.retry.initial-backoff=1ms",
        "jiyun.platforms.douyin.retry.max-backoff=5ms",
        "jiyun.platforms.douyin.redelivery.max-redeliveries=1",
        "jiyun.platforms.douyin.redelivery.delay=10ms"})
@DirtiesContext // the timer must not outlive this class and poll a stopped WireMock
class DouyinPollingRouteTest {

    @RegisterExtension
    static WireMockExtension douyin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void douyinGateway(DynamicPropertyRegistry registry) {
        registry.add("jiyun.platforms.douyin.base-url", douyin::baseUrl);
    }

    @Autowired
    InMemoryIntake intake;
    @Autowired
    InMemoryShopAccounts shops;

    void shop(String shopId, Duration cursorAge) {
        shops.add(new ShopAccount(Platform.DOUYIN, shopId, "at-" + shopId, "rt-" + shopId,
                NOW.plus(Duration.ofDays(5)), cursorAge == null ? null : NOW.minus(cursorAge)));
    }

    void searchAnswers(String shopId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        douyin.stubFor(post(urlPathEqualTo("/order/searchList")).withQueryParam("access_token", equalTo("at-" + shopId))
                .willReturn(answer));
    }

    static String orderOf(String shopId, String orderId) {
        return order(orderId, 2, NOW.getEpochSecond() - 60).replace("\"shop_id\":12345678", "\"shop_id\":" + shopId);
    }

    @Test
    void pollsEveryActiveShopAndOneFailingShopDoesNotStopTheOthers() {
        searchAnswers("40000001", okJson(error(30001, "dop.authorization-closed", "授权已关闭")));
        searchAnswers("40000002", aResponse().withStatus(503));
        searchAnswers("40000003", okJson(page(0, 100, 1, orderOf("40000003", "6940000000000000003"))));
        searchAnswers("40000005", okJson(error(40003, "isv.parameter-format-invalid", "参数格式错误")));
        shop("40000001", Duration.ofMinutes(20));
        shop("40000002", Duration.ofMinutes(20));
        shop("40000003", Duration.ofMinutes(20));
        shop("40000005", Duration.ofMinutes(20));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(intake.order(Platform.DOUYIN, "40000003", "6940000000000000003")).isNotNull();
            assertThat(shops.revocationReason(Platform.DOUYIN, "40000001")).isPresent();
            assertThat(intake.deadLetters()).anySatisfy(letter -> {
                assertThat(letter.shopId()).isEqualTo("40000002");
                assertThat(letter.source()).isEqualTo("poll");
                assertThat(letter.reason()).contains("gave up");
            });
            assertThat(intake.deadLetters()).anySatisfy(letter -> {
                assertThat(letter.shopId()).isEqualTo("40000005");
                assertThat(letter.reason()).contains("40003/isv.parameter-format-invalid");
            });
        });
        assertThat(shops.shop(Platform.DOUYIN, "40000003").syncCursor()).isEqualTo(NOW);
        assertThat(shops.shop(Platform.DOUYIN, "40000002").syncCursor()).isEqualTo(NOW.minus(Duration.ofMinutes(20)));
    }
}
