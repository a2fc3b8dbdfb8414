package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.shops.ShopAuthorisations;
import cn.jiyun.fulfillment.shops.ShopAuthorisations.Outcome;
import cn.jiyun.fulfillment.security.JiyunUser;
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
 * callback, which registers or re-authorises the shop the platform names.
 */
@Controller
@AdminPage
@RequestMapping("/admin/shops/authorisation")
class ShopAuthorisationPagesController {

    private final ShopAuthorisations authorisations;
    private final String publicUrl;

    ShopAuthorisationPagesController(ShopAuthorisations authorisations,
                                     @Value("${jiyun.shops.authorisation.public-url:}") String publicUrl) {
        this.authorisations = authorisations;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/{platform}")
    String start(@AuthenticationPrincipal JiyunUser user, @PathVariable String platform,
                 @RequestParam(required = false) Long shopId, HttpServletRequest request, RedirectAttributes redirect) {
        Platform chosen = platform(platform);
        if (chosen == null || !authorisations.offers(chosen)) {
            Notice.refused(redirect, "admin.shops.authorisation.off");
            return "redirect:/admin/shops";
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
            Notice.refused(redirect, "held elsewhere".equals(refused.reason())
                    ? "admin.shops.authorisation.heldElsewhere" : "admin.shops.authorisation.refused", refused.reason());
            return "redirect:/admin/shops";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "admin/shops/authorisation-refused";
    }

    private String callback(HttpServletRequest request, Platform platform) {
        String base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : publicUrl;
        return base + "/admin/shops/authorisation/" + platform.key() + "/callback";
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
