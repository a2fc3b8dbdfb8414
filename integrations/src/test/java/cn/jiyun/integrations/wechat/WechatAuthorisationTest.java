package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.ZoneOffset;

import static cn.jiyun.integrations.wechat.WechatFixtures.NOW;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shop's self-built app is checked with {@code stable_token} at once and {@code basics/info/get} names the shop;
 * afterwards the shop's calls carry tokens of its own app, not the connector's.
 */
class WechatAuthorisationTest {

    @RegisterExtension
    static WireMockExtension wechat = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final AppCredentials SHOP_APP = new AppCredentials("wx1a2b3c4d5e6f7a8b", "shop-own-secret");

    private final InMemoryShopAccounts shops = new InMemoryShopAccounts();
    private final WechatApiClient client = new WechatApiClient(WechatFixtures.settings(wechat.baseUrl()),
            WechatFixtures.properties(), shops, Clock.fixed(NOW, ZoneOffset.UTC));
    private final WechatAuthorisation authorisation = new WechatAuthorisation(client);

    private static void stableTokenAnswers(AppCredentials app, String body) {
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.STABLE_TOKEN))
                .withRequestBody(equalToJson("""
                        {"grant_type":"client_credential","appid":"%s","secret":"%s","force_refresh":false}"""
                        .formatted(app.appId(), app.appSecret())))
                .willReturn(okJson(body)));
    }

    private static void basicInfoAnswers(String token, String body) {
        wechat.stubFor(get(urlPathEqualTo(WechatApiClient.BASIC_INFO)).withQueryParam("access_token", equalTo(token))
                .willReturn(okJson(body)));
    }

    @Test
    void checksTheAppAndLearnsTheShopFromItsBasicInfo() {
        stableTokenAnswers(SHOP_APP, "{\"access_token\":\"SHOP-TOKEN-1\",\"expires_in\":7200}");
        basicInfoAnswers("SHOP-TOKEN-1", """
                {"errcode":0,"errmsg":"ok","info":{"nickname":"盐池滩羊小店","headimg_url":"https://x/h.png",
                "subject_type":"个体工商户","status":"open_finished","username":"gh_5a1d0b6e0c3f"}}""");

        AuthorisedShop shop = authorisation.authorise(SHOP_APP);

        assertThat(authorisation.platform()).isEqualTo(Platform.WECHAT);
        assertThat(shop.shopId()).isEqualTo("gh_5a1d0b6e0c3f");
        assertThat(shop.name()).isEqualTo("盐池滩羊小店");
        assertThat(shop.grant().accessToken()).isEqualTo("SHOP-TOKEN-1");
        assertThat(shop.grant().refreshToken()).isEmpty();
        assertThat(shop.grant().accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(shop.toString()).doesNotContain("SHOP-TOKEN-1");
        wechat.verify(1, getRequestedFor(urlPathEqualTo(WechatApiClient.BASIC_INFO)));
    }

    @Test
    void aWrongSecretIsRefusedAndNoShopIsAsked() {
        stableTokenAnswers(SHOP_APP, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret rid: 1\"}");

        assertThatThrownBy(() -> authorisation.authorise(SHOP_APP))
                .isInstanceOfSatisfying(AuthorisationRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("40125");
                    assertThat(e.getMessage()).doesNotContain(SHOP_APP.appSecret());
                });
        wechat.verify(0, getRequestedFor(urlPathEqualTo(WechatApiClient.BASIC_INFO)));
    }

    @Test
    void anUnknownAppidAndAnAddressOffTheWhitelistAreRefused() {
        AppCredentials unknown = new AppCredentials("wx0000000000000000", "whatever");
        stableTokenAnswers(unknown, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        AppCredentials whitelisted = new AppCredentials("wx1111111111111111", "right-secret");
        stableTokenAnswers(whitelisted, "{\"errcode\":40164,\"errmsg\":\"invalid ip 1.2.3.4, not in whitelist\"}");

        assertThatThrownBy(() -> authorisation.authorise(unknown))
                .isInstanceOfSatisfying(AuthorisationRefusedException.class, e -> assertThat(e.code()).isEqualTo("40013"));
        assertThatThrownBy(() -> authorisation.authorise(whitelisted))
                .isInstanceOf(AuthorisationRefusedException.class).hasMessageContaining("not in whitelist");
    }

    @Test
    void anAppThatMayNotReadAShopIsRefused() {
        stableTokenAnswers(SHOP_APP, "{\"access_token\":\"MINI-PROGRAM-TOKEN\",\"expires_in\":7200}");
        basicInfoAnswers("MINI-PROGRAM-TOKEN", "{\"errcode\":48001,\"errmsg\":\"api unauthorized\"}");

        assertThatThrownBy(() -> authorisation.authorise(SHOP_APP))
                .isInstanceOfSatisfying(AuthorisationRefusedException.class, e -> assertThat(e.code()).isEqualTo("48001"));
    }

    @Test
    void blankCredentialsAreRefusedWithoutAskingWechat() {
        assertThatThrownBy(() -> authorisation.authorise(new AppCredentials(" ", "secret")))
                .isInstanceOf(AuthorisationRefusedException.class);
        wechat.verify(0, postRequestedFor(urlPathEqualTo(WechatApiClient.STABLE_TOKEN)));
    }

    @Test
    void aShopWithItsOwnAppIsCalledWithItsOwnAppsToken() {
        stableTokenAnswers(SHOP_APP, "{\"access_token\":\"SHOP-TOKEN-2\",\"expires_in\":7200}");
        wechat.stubFor(post(urlPathEqualTo(WechatApiClient.ORDER_LIST)).withQueryParam("access_token",
                equalTo("SHOP-TOKEN-2")).willReturn(okJson(WechatFixtures.listAnswer("", false))));
        ShopAccount shop = new ShopAccount(Platform.WECHAT, "gh_5a1d0b6e0c3f", "", "", null, null, SHOP_APP);
        shops.add(shop);

        client.listOrders(shop, new WechatApiMessages.OrderListRequest(
                new WechatApiMessages.TimeRange(NOW.getEpochSecond() - 60, NOW.getEpochSecond()), 100, ""));

        // the connector's app (jiyun.platforms.wechat.app-id) was not asked
        wechat.verify(0, postRequestedFor(urlPathEqualTo(WechatApiClient.STABLE_TOKEN))
                .withRequestBody(equalToJson("{\"appid\":\"" + WechatFixtures.APP_ID + "\"}", true, true)));
        assertThat(shops.shop(Platform.WECHAT, "gh_5a1d0b6e0c3f").accessToken()).isEqualTo("SHOP-TOKEN-2");
        assertThat(shops.shop(Platform.WECHAT, "gh_5a1d0b6e0c3f").app()).isEqualTo(SHOP_APP);
    }
}
