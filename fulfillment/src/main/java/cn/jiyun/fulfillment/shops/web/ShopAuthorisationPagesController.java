package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.shops.ShopAuthorisations;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.ShopAuthorisations.Outcome;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.Platform;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Locale;

/**
 * "授权" on the shops pages: sends the admin to the platform's authorise page and takes the platform's
 * callback, which registers or re-authorises the shop the platform names; for a platform whose shops authorise
 * Jiyun as their own app (WeChat), shows the form for the app's credentials instead.
 */
@Controller
@AdminPage
@RequestMapping("/admin/shops/authorisation")
class ShopAuthorisationPagesController {

    /** WeChat's appids are 18 characters and its AppSecrets 32; anything far longer is not one. */
    private static final int MAX_APP_ID = 64;
    private static final int MAX_APP_SECRET = 128;

    private final ShopAuthorisations authorisations;
    private final ShopService shops;
    private final String publicUrl;

    ShopAuthorisationPagesController(ShopAuthorisations authorisations, ShopService shops,
                                     @Value("${jiyun.shops.authorisation.public-url:}") String publicUrl) {
        this.authorisations = authorisations;
        this.shops = shops;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/{platform}")
    String start(@AuthenticationPrincipal JiyunUser user, @PathVariable String platform,
                 @RequestParam(required = false) Long shopId, HttpServletRequest request, RedirectAttributes redirect) {
        Platform chosen = platform(platform);
        if (chosen == null || !authorisations.offers(chosen)) {
            return turnedOff(redirect);
        }
        if (authorisations.takesAppCredentials(chosen)) {
            return "redirect:/admin/shops/authorisation/" + chosen.key() + "/app" + (shopId == null ? "" : "?shopId=" + shopId);
        }
        return "redirect:" + authorisations.start(user, request.getSession(true).getId(), chosen, shopId,
                callback(request, chosen));
    }

    @GetMapping("/{platform}/callback")
    String callback(@AuthenticationPrincipal JiyunUser user, @PathVariable String platform,
                    @RequestParam(required = false) String state, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String error, HttpServletRequest request,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Platform chosen = platform(platform);
        Outcome outcome = chosen == null ? new Outcome.StateRefused()
                : authorisations.complete(user, request.getSession(true).getId(), chosen, state, code, error,
                callback(request, chosen));
        if (outcome instanceof Outcome.Authorised done) {
            Notice.done(redirect, done.reauthorised() ? "admin.shops.reauthorised" : "admin.shops.registered",
                    done.shop().name());
            return "redirect:/admin/shops/" + done.shop().id();
        }
        if (outcome instanceof Outcome.Refused refused) {
            Notice.refused(redirect, ShopAuthorisations.HELD_ELSEWHERE.equals(refused.reason())
                    ? "admin.shops.authorisation.heldElsewhere" : "admin.shops.authorisation.refused", refused.reason());
            return "redirect:/admin/shops";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "admin/shops/authorisation-refused";
    }

    /** The form for a shop's own app credentials (WeChat's self-built app); {@code shopId} to re-authorise one. */
    @GetMapping("/{platform}/app")
    String appForm(@AuthenticationPrincipal JiyunUser user, @PathVariable String platform,
                   @RequestParam(required = false) Long shopId, Model model, RedirectAttributes redirect) {
        Platform chosen = appPlatform(platform);
        if (chosen == null) {
            return turnedOff(redirect);
        }
        return appPage(user, chosen, shopId, "", model);
    }

    /**
     * Checks the credentials with the platform at once; the shop it names is registered or re-authorised. Refused
     * credentials are said on the form, which keeps the appid but never the secret; nothing is stored.
     */
    @PostMapping("/{platform}/app")
    String authoriseApp(@AuthenticationPrincipal JiyunUser user, @PathVariable String platform,
                        @RequestParam(required = false) Long shopId, @RequestParam(defaultValue = "") String appId,
                        @RequestParam(defaultValue = "") String appSecret, Model model, RedirectAttributes redirect) {
        Platform chosen = appPlatform(platform);
        if (chosen == null) {
            return turnedOff(redirect);
        }
        AppCredentials app = new AppCredentials(appId, appSecret);
        if (!app.complete() || app.appId().length() > MAX_APP_ID || app.appSecret().length() > MAX_APP_SECRET) {
            model.addAttribute("refusal", "admin.shops.app.incomplete");
            return appPage(user, chosen, shopId, app.appId(), model);
        }
        Outcome outcome = authorisations.authoriseWithApp(user, chosen, shopId, app);
        if (outcome instanceof Outcome.Authorised done) {
            Notice.done(redirect, done.reauthorised() ? "admin.shops.reauthorised" : "admin.shops.registered",
                    done.shop().name());
            return "redirect:/admin/shops/" + done.shop().id();
        }
        Outcome.Refused refused = (Outcome.Refused) outcome;
        if (ShopAuthorisations.HELD_ELSEWHERE.equals(refused.reason())) {
            Notice.refused(redirect, "admin.shops.authorisation.heldElsewhere");
            return "redirect:/admin/shops";
        }
        model.addAttribute("refusal", "admin.shops.app.refused");
        model.addAttribute("reason", refused.reason());
        return appPage(user, chosen, shopId, app.appId(), model);
    }

    private String appPage(JiyunUser user, Platform platform, Long shopId, String appId, Model model) {
        model.addAttribute("platformKey", platform.key());
        model.addAttribute("platform", platform);
        model.addAttribute("shop", shopId == null ? null : ShopView.of(shops.get(user.cooperativeId(), shopId)));
        model.addAttribute("appId", appId);
        return "admin/shops/authorise-app";
    }

    private String callback(HttpServletRequest request, Platform platform) {
        String base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : publicUrl;
        return base + "/admin/shops/authorisation/" + platform.key() + "/callback";
    }

    private static String turnedOff(RedirectAttributes redirect) {
        Notice.refused(redirect, "admin.shops.authorisation.off");
        return "redirect:/admin/shops";
    }

    /** The platform of this key if its shops authorise Jiyun with their own app's credentials, else {@code null}. */
    private Platform appPlatform(String key) {
        Platform platform = platform(key);
        return platform != null && authorisations.takesAppCredentials(platform) ? platform : null;
    }

    private static Platform platform(String key) {
        for (Platform p : Platform.values()) {
            if (p.key().equals(key.toLowerCase(Locale.ROOT)) && p != Platform.SPREADSHEET) {
                return p;
            }
        }
        return null;
    }
}
