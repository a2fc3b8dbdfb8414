package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAuthorisationFlow;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Douyin's authorisation (README 1.3): the seller agrees on the service market's authorise page, which
 * sends the browser back with a code, and {@code token.create} turns the code into the shop's tokens,
 * naming the shop.
 */
public class DouyinAuthorisation implements ShopAuthorisationFlow {

    private final String authoriseUrl;
    private final String appKey;
    private final DouyinClient client;

    public DouyinAuthorisation(String authoriseUrl, String appKey, DouyinClient client) {
        this.authoriseUrl = Objects.requireNonNull(authoriseUrl, "jiyun.platforms.douyin.authorise-url");
        this.appKey = appKey;
        this.client = client;
    }

    @Override
    public Platform platform() {
        return Platform.DOUYIN;
    }

    @Override
    public URI authorisePage(String redirectUri, String state) {
        // the real service market sends the seller to the callback registered with the app; redirect_uri is
        // passed as well so that the sandbox, which has no console, knows where to send them
        return URI.create(authoriseUrl + (authoriseUrl.contains("?") ? "&" : "?")
                + "app_key=" + encode(appKey) + "&state=" + encode(state) + "&redirect_uri=" + encode(redirectUri));
    }

    @Override
    public AuthorisedShop exchange(String code, String redirectUri) {
        return client.createToken(code);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
