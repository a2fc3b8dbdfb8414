package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The platforms' authorise pages as the sandbox serves them: Douyin's service-market page and Kuaishou's
 * {@code oauth/authorize}. The seller picks one of the sandbox's shops, or a new one, and agrees ("同意授权")
 * or refuses; the browser goes back to the redirect URI with a code (or {@code error=access_denied}) and the state.
 */
final class SandboxAuthorisePages {

    static final String DOUYIN_PATH = "/douyin/authorize";
    static final String KUAISHOU_PATH = "/kuaishou/oauth/authorize";
    static final String NEW_SHOP = "new";

    /** What the pages need of the sandbox: its shops, a new shop, and codes. */
    interface Shops {
        List<SandboxCatalogue.Shop> shops(Platform platform);

        SandboxCatalogue.Shop open(Platform platform);

        String issueCode(Platform platform, String shopId);
    }

    private final SandboxCredentials credentials;
    private final Shops shops;

    SandboxAuthorisePages(SandboxCredentials credentials, Shops shops) {
        this.credentials = credentials;
        this.shops = shops;
    }

    Map<String, Function<WireRequest, WireAnswer>> paths() {
        Map<String, Function<WireRequest, WireAnswer>> paths = new LinkedHashMap<>();
        paths.put(DOUYIN_PATH, request -> answer(Platform.DOUYIN, request));
        paths.put(KUAISHOU_PATH, request -> answer(Platform.KUAISHOU, request));
        return paths;
    }

    private WireAnswer answer(Platform platform, WireRequest request) {
        String app = request.parameter(platform == Platform.DOUYIN ? "app_key" : "app_id");
        String expectedApp = platform == Platform.DOUYIN ? credentials.douyinAppKey() : credentials.kuaishouAppKey();
        String redirectUri = request.parameter("redirect_uri");
        String state = request.parameter("state");
        if (!expectedApp.equals(app)) {
            return WireAnswer.html(400, page("应用不存在", "<p>app key 无效。</p>"));
        }
        if (redirectUri == null || !(redirectUri.startsWith("http://") || redirectUri.startsWith("https://"))) {
            return WireAnswer.html(400, page("回调地址无效", "<p>redirect_uri 无效。</p>"));
        }
        if (platform == Platform.KUAISHOU && !"code".equals(request.parameter("response_type"))) {
            return WireAnswer.html(400, page("参数错误", "<p>response_type 应为 code。</p>"));
        }
        if ("GET".equals(request.method())) {
            return WireAnswer.html(200, choice(platform, request, app, redirectUri, state));
        }
        String back = redirectUri + (redirectUri.contains("?") ? "&" : "?");
        String stateParam = state == null ? "" : "&state=" + encode(state);
        if (!"agree".equals(request.parameter("decision"))) {
            return WireAnswer.redirect(back + "error=access_denied" + stateParam);
        }
        String shopId = request.parameter("shop");
        if (shopId == null || shopId.isEmpty() || NEW_SHOP.equals(shopId)) {
            shopId = shops.open(platform).shopId();
        } else {
            String chosen = shopId;
            if (shops.shops(platform).stream().noneMatch(s -> s.shopId().equals(chosen))) {
                return WireAnswer.html(400, page("店铺不存在", "<p>没有这个店铺。</p>"));
            }
        }
        return WireAnswer.redirect(back + "code=" + encode(shops.issueCode(platform, shopId)) + stateParam);
    }

    private String choice(Platform platform, WireRequest request, String app, String redirectUri, String state) {
        StringBuilder form = new StringBuilder();
        form.append("<form method=\"post\" action=\"").append(escape(request.path())).append("\">");
        request.query().forEach((name, value) -> form.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        form.append("<p><label><input type=\"radio\" name=\"shop\" value=\"new\" checked id=\"shop-new\"> 新的沙箱店铺</label></p>");
        for (SandboxCatalogue.Shop shop : shops.shops(platform)) {
            form.append("<p><label><input type=\"radio\" name=\"shop\" value=\"").append(escape(shop.shopId()))
                    .append("\"> ").append(escape(shop.shopId())).append("</label></p>");
        }
        form.append("<p><button type=\"submit\" name=\"decision\" value=\"agree\" id=\"agree\">同意授权</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">拒绝</button></p></form>");
        String name = platform == Platform.DOUYIN ? "抖店开放平台（沙箱）" : "快手电商开放平台（沙箱）";
        return page(name, "<p>应用 " + escape(app) + " 申请读取订单并回传物流。</p>" + form);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
