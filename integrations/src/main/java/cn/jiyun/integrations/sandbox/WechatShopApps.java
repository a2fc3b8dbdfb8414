package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each sandbox WeChat shop's self-built app (README 3.1), as 微信小店后台 → 服务市场 → 自研 hands it to the shop
 * owner: an appid and AppSecret per shop, which {@code stable_token} accepts for a token standing for that shop,
 * and {@code basics/info/get}, which names the shop a token stands for. The sandbox's stand-in for the shop's
 * console lists every shop's app and opens new shops, so the demo's admin has credentials to type.
 */
final class WechatShopApps {

    static final String BASIC_INFO = "/channels/ec/basics/info/get";
    /** The shop console's 自研 page, outside the API prefix as the real one is on another site. */
    static final String CONSOLE_PATH = "/wechat/shop-console/self-built-apps";

    /** The sandbox's WeChat shops, and a new one. */
    interface Shops {
        List<SandboxCatalogue.Shop> shops();

        SandboxCatalogue.Shop open();
    }

    private final SandboxTokens tokens;
    private final Shops shops;

    WechatShopApps(SandboxTokens tokens, Shops shops) {
        this.tokens = tokens;
        this.shops = shops;
    }

    /** The app of a shop: fixed per shop id, so the demo's admin finds the same credentials after a restart. */
    static AppCredentials appOf(String shopId) {
        return new AppCredentials("wx" + digest("appid:" + shopId).substring(0, 16), digest("secret:" + shopId)
                .substring(0, 32));
    }

    /**
     * {@code stable_token} for a shop's own app: empty when the appid is no shop's, WeChat's 40125 for a wrong
     * secret, else a token standing for the shop.
     */
    Optional<WireAnswer> stableToken(JsonNode body) {
        String appId = body.path("appid").asText();
        Optional<SandboxCatalogue.Shop> shop = shops.shops().stream()
                .filter(s -> appOf(s.shopId()).appId().equals(appId)).findFirst();
        if (shop.isEmpty()) {
            return Optional.empty();
        }
        if (!appOf(shop.get().shopId()).appSecret().equals(body.path("secret").asText())) {
            return Optional.of(WechatSandboxApi.error(40125, "invalid appsecret"));
        }
        SandboxTokens.Grant grant = tokens.wechatShopAppToken(shop.get().shopId(),
                body.path("force_refresh").asBoolean(false));
        ObjectNode answer = WireAnswer.JSON.createObjectNode();
        answer.put("access_token", grant.accessToken());
        answer.put("expires_in", grant.accessLifetime().toSeconds());
        return Optional.of(WireAnswer.json(answer));
    }

    /** {@code GET basics/info/get}: the shop the access token stands for, its original id being its shop id. */
    WireAnswer basicInfo(WireRequest request) {
        if (!"GET".equals(request.method())) {
            return WechatSandboxApi.error(43001, "require GET method");
        }
        SandboxTokens.Lookup lookup = tokens.lookUp(Platform.WECHAT, request.query().get("access_token"));
        if (lookup instanceof SandboxTokens.Lookup.Expired) {
            return WechatSandboxApi.error(42001, "access_token expired");
        }
        if (!(lookup instanceof SandboxTokens.Lookup.Valid valid) || valid.shopId() == null) {
            return WechatSandboxApi.error(40001, "invalid credential, access_token is invalid or not latest");
        }
        ObjectNode answer = WireAnswer.JSON.createObjectNode();
        answer.put("errcode", 0);
        answer.put("errmsg", "ok");
        ObjectNode info = answer.putObject("info");
        info.put("nickname", "沙箱微信小店 " + valid.shopId());
        info.put("headimg_url", "https://mmecimage.cn/p/sandbox/" + valid.shopId());
        info.put("subject_type", "个体工商户");
        info.put("status", "open_finished");
        info.put("username", valid.shopId());
        return WireAnswer.json(answer);
    }

    /** The console page: GET lists the shops' apps, POST opens a new shop and shows the list again. */
    Map<String, Function<WireRequest, WireAnswer>> consolePaths() {
        Map<String, Function<WireRequest, WireAnswer>> paths = new LinkedHashMap<>();
        paths.put(CONSOLE_PATH, request -> {
            if ("POST".equals(request.method())) {
                return WireAnswer.redirect(CONSOLE_PATH + "#" + shops.open().shopId());
            }
            return WireAnswer.html(200, console());
        });
        return paths;
    }

    private String console() {
        StringBuilder rows = new StringBuilder();
        for (SandboxCatalogue.Shop shop : shops.shops()) {
            AppCredentials app = appOf(shop.shopId());
            rows.append("<tr id=\"").append(shop.shopId()).append("\" data-shop=\"").append(shop.shopId())
                    .append("\"><td>").append(shop.shopId()).append("</td><td class=\"appid\">").append(app.appId())
                    .append("</td><td class=\"secret\">").append(app.appSecret()).append("</td></tr>");
        }
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>微信小店（沙箱）· 服务市场 · 自研"
                + "</title></head><body><h1>微信小店（沙箱）· 服务市场 · 自研</h1>"
                + "<p>每家店铺的自研应用：把 appid 和 AppSecret 交给集运。</p>"
                + "<table id=\"apps\"><tr><th>店铺原始ID</th><th>appid</th><th>AppSecret</th></tr>" + rows + "</table>"
                + "<form method=\"post\" action=\"" + CONSOLE_PATH + "\"><button type=\"submit\" id=\"open-shop\">"
                + "开一家新的沙箱店铺</button></form></body></html>";
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("jiyun-sandbox-wechat-" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
