package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;
import cn.jiyun.integrations.kuaishou.KuaishouSigner.SignMethod;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kuaishou's code becomes tokens at {@code oauth2/access_token} with the app secret; the seller names the shop. */
class KuaishouAuthorisationTest {

    @RegisterExtension
    static WireMockExtension platform = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);

    private KuaishouAuthorisation flow() {
        KuaishouProperties properties = KuaishouFixtures.properties(SignMethod.HMAC_SHA256);
        return new KuaishouAuthorisation("https://open.example/oauth/authorize", properties.appKey(),
                new KuaishouClient(KuaishouFixtures.settings(platform.baseUrl(), Duration.ofMinutes(10), Duration.ofDays(1), 50),
                        properties, new KuaishouSigner(properties.signSecret()), new InMemoryShopAccounts(),
                        KuaishouFixtures.JSON, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static void tokenAnswers(String body) {
        platform.stubFor(get(urlPathEqualTo("/oauth2/access_token"))
                .withQueryParam("app_id", equalTo(KuaishouFixtures.APP_KEY))
                .withQueryParam("app_secret", equalTo(KuaishouFixtures.APP_SECRET))
                .withQueryParam("grant_type", equalTo("code"))
                .withQueryParam("code", equalTo("code-1"))
                .willReturn(okJson(body)));
    }

    @Test
    void exchangesTheCodeAndLearnsTheSeller() {
        tokenAnswers("{\"result\":1,\"access_token\":\"at-new\",\"expires_in\":172800,\"refresh_token\":\"rt-new\","
                + "\"refresh_token_expires_in\":15552000,\"open_id\":\"o1\"}");
        platform.stubFor(get(urlPathEqualTo("/open/user/seller/get"))
                .withQueryParam("access_token", equalTo("at-new"))
                .withQueryParam("appkey", equalTo(KuaishouFixtures.APP_KEY))
                .withQueryParam("sign", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
                .willReturn(okJson("{\"result\":1,\"data\":{\"sellerId\":51200001,\"name\":\"枸杞小店\"}}")));

        AuthorisedShop shop = flow().exchange("code-1", "https://jiyun.example/cb");

        assertThat(shop.shopId()).isEqualTo("51200001");
        assertThat(shop.name()).isEqualTo("枸杞小店");
        assertThat(shop.grant().accessToken()).isEqualTo("at-new");
        assertThat(shop.grant().refreshToken()).isEqualTo("rt-new");
        assertThat(shop.grant().accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(172800));
    }

    @Test
    void aUsedCodeIsRefused() {
        tokenAnswers("{\"result\":100200105,\"error\":\"invalid_grant\",\"error_msg\":\"code已过期或已使用\"}");

        assertThatThrownBy(() -> flow().exchange("code-1", "https://jiyun.example/cb"))
                .isInstanceOf(AuthorisationRefusedException.class).hasMessageContaining("invalid_grant");
    }

    @Test
    void theAuthorisePageAsksForTheScopesWithState() {
        assertThat(flow().authorisePage("https://jiyun.example/cb", "st").toString())
                .startsWith("https://open.example/oauth/authorize?app_id=" + KuaishouFixtures.APP_KEY)
                .contains("scope=merchant_order%2Cmerchant_logistics").contains("response_type=code&state=st");
    }
}
