package cn.jiyun.fulfillment.hubs.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.FormErrors;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's hub pages: the list, and the form to add or change a hub (hours and carrier cut-off). */
@Controller
@AdminPage
@RequestMapping("/admin/hubs")
class HubPagesController {

    private final HubService hubs;
    private final FormErrors errors;

    HubPagesController(HubService hubs, FormErrors errors) {
        this.hubs = hubs;
        this.errors = errors;
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", hubs.list(user.cooperativeId(),
                PageRequest.of(Math.max(page, 0), 50, Sort.by("name", "id"))).map(HubView::of));
        return "admin/hubs/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("form", HubForm.blank());
        return "admin/hubs/form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal JiyunUser user, @ModelAttribute("form") HubForm form, BindingResult result,
                  RedirectAttributes redirect) {
        if (!errors.validate(form.request(), result)) {
            return "admin/hubs/form";
        }
        try {
            Hub hub = hubs.create(user.cooperativeId(), form.request().details());
            Notice.done(redirect, "admin.hubs.created", hub.name());
            return "redirect:/admin/hubs/" + hub.id();
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result);
            return "admin/hubs/form";
        }
    }

    @GetMapping("/{id:\\d+}")
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, Model model) {
        model.addAttribute("hubId", id);
        model.addAttribute("form", HubForm.of(hubs.get(user.cooperativeId(), id)));
        return "admin/hubs/form";
    }

    @PostMapping("/{id:\\d+}")
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, @ModelAttribute("form") HubForm form,
                BindingResult result, Model model, RedirectAttributes redirect) {
        hubs.get(user.cooperativeId(), id);
        model.addAttribute("hubId", id);
        if (!errors.validate(form.request(), result)) {
            return "admin/hubs/form";
        }
        try {
            hubs.update(user.cooperativeId(), id, form.request().details());
            Notice.done(redirect, "admin.hubs.saved", form.getName());
            return "redirect:/admin/hubs/" + id;
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result);
            return "admin/hubs/form";
        }
    }
}
