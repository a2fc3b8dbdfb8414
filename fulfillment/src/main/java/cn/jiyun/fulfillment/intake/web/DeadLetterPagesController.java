package cn.jiyun.fulfillment.intake.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.intake.DeadLetterEntry;
import cn.jiyun.fulfillment.intake.DeadLetterService;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Platform;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform messages that could not become orders, newest first, with the raw message folded
 * away, and a retry that fetches the shop's orders again (the same {@link DeadLetterService#retry}
 * as the API's).
 */
@Controller
@AdminPage
@RequestMapping("/admin/dead-letters")
class DeadLetterPagesController {

    private final DeadLetterService deadLetters;

    DeadLetterPagesController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) DeadLetterEntry.Status status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", DeadLetterEntry.Status.values());
        model.addAttribute("spreadsheet", Platform.SPREADSHEET);
        model.addAttribute("page", deadLetters.list(user.cooperativeId(), status,
                PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "receivedAt", "id")))
                .map(DeadLetterView::of));
        return "admin/dead-letters";
    }

    @PostMapping("/{id:\\d+}/retry")
    String retry(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            DeadLetterEntry entry = deadLetters.retry(user.cooperativeId(), id);
            Notice.done(redirect, "admin.deadLetters.retried", entry.platformShopId());
        } catch (ConflictException refused) {
            Notice.refused(redirect, "admin.deadLetters.notRetried", refused.getMessage());
        }
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/{id:\\d+}/discard")
    String discard(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        deadLetters.discard(user.cooperativeId(), id, note == null ? null : note.substring(0, Math.min(note.length(), 1000)));
        Notice.done(redirect, "admin.deadLetters.discarded");
        return "redirect:/admin/dead-letters";
    }
}
