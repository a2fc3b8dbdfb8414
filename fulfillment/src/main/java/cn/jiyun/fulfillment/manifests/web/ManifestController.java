package cn.jiyun.fulfillment.manifests.web;

import cn.jiyun.fulfillment.manifests.ManifestPdf;
import cn.jiyun.fulfillment.manifests.RouteManifest;
import cn.jiyun.fulfillment.manifests.RouteManifests;
import cn.jiyun.fulfillment.pickups.Pickups;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Locale;

/**
 * The courier's pages: their routes, one route's manifest with what is confirmed so far, its
 * printable PDF (the confirmations sent from the manifest are pickups' own: {@code pickups.web}).
 */
@Controller
class ManifestController {

    private final RouteManifests manifests;
    private final ManifestPdf pdf;
    private final Pickups pickups;

    ManifestController(RouteManifests manifests, ManifestPdf pdf, Pickups pickups) {
        this.manifests = manifests;
        this.pdf = pdf;
        this.pickups = pickups;
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
