package cn.jiyun.fulfillment.audit.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The admin's page of the trail, with its filters. */
@Controller
@AdminPage
class AuditPageController {

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) String username,
                @RequestParam(required = false) AuditKind kind,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("kinds", AuditKind.values());
        model.addAttribute("username", username);
        model.addAttribute("kind", kind);
        model.addAttribute("day", day);
        model.addAttribute("page", trail.list(user.cooperativeId(), new AuditTrail.Filter(username, kind, day),
                PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "at", "id"))).map(AuditView::of));
        return "admin/audit";
    }
}
