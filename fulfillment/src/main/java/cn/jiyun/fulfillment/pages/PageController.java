package cn.jiyun.fulfillment.pages;

import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login page, the home page that sends each role on, and the refusal page. */
@Controller
class PageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal JiyunUser user) {
        if (user.is(Role.OPERATOR)) {
            return "redirect:/operator";
        }
        if (user.is(Role.COOP_ADMIN)) {
            return "redirect:/board";
        }
        return user.is(Role.SELLER) ? "redirect:/orders" : "redirect:/manifests";
    }

    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "denied";
    }
}
