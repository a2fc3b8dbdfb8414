package cn.jiyun.fulfillment.operators.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.FormErrors;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.operators.CooperativeOnboarding;
import cn.jiyun.fulfillment.operators.CooperativeOnboarding.OpenedCooperative;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

/** The operators' page: every cooperative, a form to open one, and suspending and resuming. */
@Controller
@AdminPage
@RequestMapping("/operator")
class OperatorPagesController {

    private final CooperativeOnboarding onboarding;
    private final FormErrors errors;

    OperatorPagesController(CooperativeOnboarding onboarding, FormErrors errors) {
        this.onboarding = onboarding;
        this.errors = errors;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OpenCooperativeForm());
        }
        model.addAttribute("page", onboarding.list(PageRequest.of(Math.max(page, 0), 50, Sort.by("name", "id")))
                .map(CooperativeView::of));
        return "operator/index";
    }

    @PostMapping("/cooperatives")
    String open(@ModelAttribute("form") OpenCooperativeForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        if (errors.validate(form.request(), result)) {
            try {
                OpenedCooperative opened = onboarding.open(form.getName().strip(), form.request().adminUsername(),
                        form.request().adminPassword());
                Notice.done(redirect, "operator.opened", opened.cooperative().name(), opened.adminUsername());
                return "redirect:/operator";
            } catch (InvalidFieldException refusal) {
                errors.reject(refusal, result);
            } catch (ConflictException taken) {
                result.rejectValue("adminUsername", "taken", taken.getMessage());
            }
        }
        return list(0, model);
    }

    @PostMapping("/cooperatives/{id:\\d+}/suspension")
    String suspend(@PathVariable Long id, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        // the admin pages' binder turns an empty field into null, a default value included
        if (reason == null || reason.isBlank()) {
            Notice.refused(redirect, "operator.reasonNeeded");
            return "redirect:/operator";
        }
        try {
            OpenedCooperative suspended = onboarding.suspend(id, reason.strip());
            Notice.done(redirect, "operator.suspended", suspended.cooperative().name());
        } catch (ConflictException already) {
            Notice.refused(redirect, "operator.alreadySuspended", id);
        }
        return "redirect:/operator";
    }

    @PostMapping("/cooperatives/{id:\\d+}/resumption")
    String resume(@PathVariable Long id, RedirectAttributes redirect) {
        try {
            OpenedCooperative resumed = onboarding.resume(id);
            Notice.done(redirect, "operator.resumed", resumed.cooperative().name());
        } catch (ConflictException notSuspended) {
            Notice.refused(redirect, "operator.notSuspended", id);
        }
        return "redirect:/operator";
    }
}
