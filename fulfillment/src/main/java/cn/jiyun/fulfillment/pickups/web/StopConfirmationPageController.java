package cn.jiyun.fulfillment.pickups.web;

import cn.jiyun.fulfillment.pickups.PickupOutcome;
import cn.jiyun.fulfillment.pickups.Pickups;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;

/**
 * The confirmations the courier sends from a route's manifest page: parcels collected or not, a stop
 * skipped. They are pickups' own actions, so they sit here; the page they return to is the manifest's.
 */
@Controller
class StopConfirmationPageController {

    private final Pickups pickups;
    private final PickupWords words;

    StopConfirmationPageController(Pickups pickups, PickupWords words) {
        this.pickups = pickups;
        this.words = words;
    }

    @PostMapping("/manifests/{routeId:\\d+}/parcels")
    String confirm(@AuthenticationPrincipal JiyunUser user, @PathVariable Long routeId,
                   @RequestParam(required = false) List<String> codes, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String requestId,
                   @RequestParam(required = false) Integer stop, RedirectAttributes flash, Locale locale) {
        PickupOutcome chosen = PickupWords.outcome(outcome);
        if (chosen == null) {
            flash.addFlashAttribute("problem", words.say("pickups.error.outcome", locale));
        } else {
            try {
                flash.addFlashAttribute("notice", words.said(pickups.confirm(user, routeId,
                        new Pickups.Confirmation(codes, chosen, reason, requestId)), locale));
            } catch (RuntimeException e) {
                flash.addFlashAttribute("problem", words.refused(e, locale));
            }
        }
        return backTo(routeId, stop);
    }

    @PostMapping("/manifests/{routeId:\\d+}/stops/{sequence:\\d+}/skip")
    String skip(@AuthenticationPrincipal JiyunUser user, @PathVariable Long routeId, @PathVariable int sequence,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String requestId,
                RedirectAttributes flash, Locale locale) {
        try {
            flash.addFlashAttribute("notice", words.said(pickups.skip(user, routeId, sequence, reason, requestId),
                    locale));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", words.refused(e, locale));
        }
        return backTo(routeId, sequence);
    }


    private static String backTo(Long routeId, Integer stop) {
        return "redirect:/manifests/" + routeId + (stop == null ? "" : "#stop-" + stop);
    }
}
