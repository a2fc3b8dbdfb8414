package cn.jiyun.fulfillment.manifests.web;

import cn.jiyun.fulfillment.manifests.ManifestPdf;
import cn.jiyun.fulfillment.manifests.RouteManifest;
import cn.jiyun.fulfillment.manifests.RouteManifests;
import cn.jiyun.fulfillment.pickups.PickupOutcome;
import cn.jiyun.fulfillment.pickups.Pickups;
import cn.jiyun.fulfillment.pickups.web.PickupWords;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Locale;

/**
 * The courier's pages: their routes, one route's manifest with what is confirmed so far, its
 * printable PDF, and the confirmations at the stops (parcels collected or not, a stop skipped).
 */
@Controller
class ManifestController {

    private final RouteManifests manifests;
    private final ManifestPdf pdf;
    private final Pickups pickups;
    private final PickupWords words;

    ManifestController(RouteManifests manifests, ManifestPdf pdf, Pickups pickups, PickupWords words) {
        this.manifests = manifests;
        this.pdf = pdf;
        this.pickups = pickups;
        this.words = words;
    }

    @GetMapping("/manifests")
    String routes(@AuthenticationPrincipal JiyunUser user, Model model) {
        model.addAttribute("routes", manifests.routes(user));
        return "manifests/list";
    }

    @GetMapping("/manifests/{routeId:\\d+}")
    String manifest(@AuthenticationPrincipal JiyunUser user, @PathVariable Long routeId, Model model) {
        model.addAttribute("manifest", manifests.manifest(user, routeId));
        model.addAttribute("pickups", pickups.sheet(user, routeId));
        return "manifests/route";
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

    @GetMapping("/manifests/{routeId:\\d+}.pdf")
    ResponseEntity<byte[]> printable(@AuthenticationPrincipal JiyunUser user, @PathVariable Long routeId,
                                     Locale locale) {
        RouteManifest manifest = manifests.manifest(user, routeId);
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/manifests/{id}").buildAndExpand(routeId).toUriString();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("manifest-" + routeId + ".pdf").build().toString())
                .body(pdf.render(manifest, pageUrl, locale));
    }
}
