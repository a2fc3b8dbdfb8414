package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Douyin's code becomes the shop's tokens through a {@code token.create} signed as Douyin checks it. */
class DouyinAuthorisationTest {

    @RegisterExtension
    static WireMockExtension douyin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PARAMS = "{\"code\":\"code-1\",\"grant_type\":\"authorization_code\"}";

    private DouyinAuthorisation flow() {
        DouyinProperties properties = DouyinFixtures.properties();
        DouyinSigner signer = new DouyinSigner(properties.appKey(), properties.appSecret(), properties.signMethod());
        return new DouyinAuthorisation("https://fuwu.example/authorize", properties.appKey(), new DouyinClient(
                DouyinFixtures.settings(douyin.baseUrl()), signer, new InMemoryShopAccounts(),
                Clock.fixed(DouyinFixtures.NOW, ZoneOffset.UTC)));
    }

    @Test
    void exchangesTheCodeWithASignedTokenCreate() {
        douyin.stubFor(DouyinFixtures.signedCall("token.create", null, PARAMS).willReturn(okJson(
                "{\"code\":10000,\"msg\":\"success\",\"data\":{\"access_token\":\"at-new\",\"expires_in\":604800,"
                        + "\"refresh_token\":\"rt-new\",\"shop_id\":4463798,\"shop_name\":\"塞上农品\"}}")));

        AuthorisedShop shop = flow().exchange("code-1", "https://jiyun.example/cb");

        assertThat(shop.shopId()).isEqualTo("4463798");
        assertThat(shop.name()).isEqualTo("塞上农品");
        assertThat(shop.grant().accessToken()).isEqualTo("at-new");
        assertThat(shop.grant().refreshToken()).isEqualTo("rt-new");
        assertThat(shop.grant().accessTokenExpiresAt()).isEqualTo(DouyinFixtures.NOW.plusSeconds(604800));
    }

    @Test
    void anExpiredCodeIsRefusedNotRetried() {
        douyin.stubFor(DouyinFixtures.signedCall("token.create", null, PARAMS).willReturn(okJson(
                "{\"code\":50001,\"msg\":\"业务处理失败\",\"sub_code\":\"dop.token-generate-failed:code-expired\","
                        + "\"sub_msg\":\"code已过期\"}")));

        assertThatThrownBy(() -> flow().exchange("code-1", "https://jiyun.example/cb"))
                .isInstanceOf(AuthorisationRefusedException.class);
        assertThat(douyin.getAllServeEvents()).hasSize(1);
    }

    @Test
    void theAuthorisePageCarriesAppKeyAndState() {
        assertThat(flow().authorisePage("https://jiyun.example/cb", "s t").toString())
                .isEqualTo("https://fuwu.example/authorize?app_key=" + DouyinFixtures.APP_KEY
                        + "&state=s+t&redirect_uri=https%3A%2F%2Fjiyun.example%2Fcb");
    }
}
