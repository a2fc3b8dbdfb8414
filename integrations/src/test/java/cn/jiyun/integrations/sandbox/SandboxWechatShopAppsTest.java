package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;
import cn.jiyun.integrations.wechat.WechatAuthorisation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox's WeChat shops each have a self-built app: the connector authorises a shop with its appid and
 * AppSecret, {@code basics/info/get} names it, and its orders are read with its own app's token.
 */
class SandboxWechatShopAppsTest {

    private final SandboxTestbed bed = new SandboxTestbed(7, 5, Map.of(
            // no connector app: every token must come from the shop's own
            "jiyun.platforms.wechat.app-id", "", "jiyun.platforms.wechat.app-secret", ""));
    private final WechatAuthorisation authorisation = new WechatAuthorisation(bed.wechatClient);

    @AfterEach
    void stop() {
        bed.sandbox.stop();
    }

    @Test
    void aShopsOwnAppNamesItAndReadsItsOrders() {
        AppCredentials app = PlatformSandbox.wechatShopApp(SandboxTestbed.WECHAT_SHOP);

        AuthorisedShop shop = authorisation.authorise(app);

        assertThat(shop.shopId()).isEqualTo(SandboxTestbed.WECHAT_SHOP);
        assertThat(shop.name()).contains(SandboxTestbed.WECHAT_SHOP);
        bed.shops.add(new ShopAccount(Platform.WECHAT, shop.shopId(), shop.grant().accessToken(), "",
                shop.grant().accessTokenExpiresAt(), null, app));
        bed.wechat.synchronise(bed.shop(Platform.WECHAT, shop.shopId()));
        assertThat(bed.intake.orders()).hasSize(5);
        assertThat(bed.sandbox.orders(Platform.WECHAT, SandboxTestbed.WECHAT_SHOP)).allSatisfy(order ->
                assertThat(bed.intake.order(Platform.WECHAT, SandboxTestbed.WECHAT_SHOP, order.orderId())).isNotNull());
    }

    @Test
    void aWrongSecretAndAnUnknownAppidAreRefused() {
        AppCredentials app = PlatformSandbox.wechatShopApp(SandboxTestbed.WECHAT_SHOP);

        assertThatThrownBy(() -> authorisation.authorise(new AppCredentials(app.appId(), "not-the-secret")))
                .isInstanceOfSatisfying(AuthorisationRefusedException.class, e -> assertThat(e.code()).isEqualTo("40125"));
        assertThatThrownBy(() -> authorisation.authorise(new AppCredentials("wx0000000000000000", app.appSecret())))
                .isInstanceOfSatisfying(AuthorisationRefusedException.class, e -> assertThat(e.code()).isEqualTo("40013"));
    }

    @Test
    void theShopConsoleListsEachShopsAppAndOpensNewShops() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI console = URI.create(bed.sandbox.wechatShopConsole());
        AppCredentials app = PlatformSandbox.wechatShopApp(SandboxTestbed.WECHAT_SHOP);

        String page = http.send(HttpRequest.newBuilder(console).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains(SandboxTestbed.WECHAT_SHOP, app.appId(), app.appSecret());

        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(console)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(302);
        String newShop = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*#", "");
        assertThat(bed.sandbox.orders(Platform.WECHAT, newShop)).isNotEmpty();
        assertThat(authorisation.authorise(PlatformSandbox.wechatShopApp(newShop)).shopId()).isEqualTo(newShop);
    }
}
