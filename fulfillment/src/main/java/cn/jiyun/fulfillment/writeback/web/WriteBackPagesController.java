package cn.jiyun.fulfillment.writeback.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.writeback.WriteBack;
import cn.jiyun.fulfillment.writeback.WriteBackQueue;
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

import java.util.List;

/** The waybill write-back queue by status (pending, done, failed), with a retry for the failed ones. */
@Controller
@AdminPage
@RequestMapping("/admin/write-backs")
class WriteBackPagesController {

    /** The tabs of the page; NOT_NEEDED (spreadsheet orders) is nothing anyone acts on. */
    static final List<WriteBack.Status> TABS = List.of(WriteBack.Status.PENDING, WriteBack.Status.DONE,
            WriteBack.Status.FAILED);

    private final WriteBackQueue queue;

    WriteBackPagesController(WriteBackQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user,
                @RequestParam(defaultValue = "PENDING") WriteBack.Status status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("tabs", TABS);
        model.addAttribute("page", queue.list(user.cooperativeId(), status,
                        PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "createdAt", "id")))
                .map(WriteBackController.WriteBackView::of));
        return "admin/write-backs";
    }

    @PostMapping("/{id:\\d+}/retry")
    String retry(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            WriteBack writeBack = queue.retry(user.cooperativeId(), id);
            Notice.done(redirect, "admin.writeBacks.retried", writeBack.waybillNumber());
        } catch (ConflictException notFailed) {
            Notice.refused(redirect, "admin.writeBacks.notFailed");
        }
        return "redirect:/admin/write-backs?status=FAILED";
    }
}
