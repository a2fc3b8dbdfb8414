package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAuthorisationFlow;
import cn.jiyun.integrations.TokenGrant;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Kuaishou's OAuth (README 2.3): {@code oauth/authorize} with the scopes the connector needs, the code
 * exchanged at {@code oauth2/access_token} with the app secret, then {@code open.user.seller.get} to learn
 * which seller (Jiyun's Kuaishou shop id) granted the tokens.
 */
public class KuaishouAuthorisation implements ShopAuthorisationFlow {

    static final String SCOPES = "merchant_order,merchant_logistics,merchant_user";

    private final String authoriseUrl;
    private final String appKey;
    private final KuaishouClient client;

    public KuaishouAuthorisation(String authoriseUrl, String appKey, KuaishouClient client) {
        this.authoriseUrl = Objects.requireNonNull(authoriseUrl, "jiyun.platforms.kuaishou.authorise-url");
        this.appKey = appKey;
        this.client = client;
    }

    @Override
    public Platform platform() {
        return Platform.KUAISHOU;
    }

    @Override
    public URI authorisePage(String redirectUri, String state) {
        return URI.create(authoriseUrl + (authoriseUrl.contains("?") ? "&" : "?")
                + "app_id=" + encode(appKey) + "&redirect_uri=" + encode(redirectUri) + "&scope=" + encode(SCOPES)
                + "&response_type=code&state=" + encode(state));
    }

    @Override
    public AuthorisedShop exchange(String code, String redirectUri) {
        TokenGrant grant = client.exchangeCode(code);
        KuaishouClient.Seller seller = client.sellerOf(grant.accessToken());
        return new AuthorisedShop(seller.sellerId(), seller.name(), grant);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
