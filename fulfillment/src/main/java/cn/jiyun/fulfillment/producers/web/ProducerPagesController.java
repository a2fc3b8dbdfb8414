package cn.jiyun.fulfillment.producers.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.FormErrors;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's producer pages: a list searched by name or phone, and the form to register or change
 * one, checked by the same request record and service as the API.
 */
@Controller
@AdminPage
@RequestMapping("/admin/producers")
class ProducerPagesController {

    static final int PAGE_SIZE = 20;

    /** A producer as a list row. */
    record Row(Long id, String name, String contactName, String phone, String address, boolean shipsChilled,
               boolean synthetic, String windows) {
        static Row of(Producer p) {
            return new Row(p.id(), p.name(), p.contactName(), p.phone(), p.address(), p.shipsChilled(), p.synthetic(),
                    String.join(", ", p.pickupWindows().stream().map(w -> w.startsAt() + "–" + w.endsAt()).toList()));
        }
    }

    private final ProducerService producers;
    private final FormErrors errors;

    ProducerPagesController(ProducerService producers, FormErrors errors) {
        this.producers = producers;
        this.errors = errors;
    }

    @GetMapping
    @Transactional(readOnly = true)
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Page<Producer> found = producers.search(user.cooperativeId(), q,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("name", "id")));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("page", found.map(Row::of));
        return "admin/producers/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("form", ProducerForm.blank());
        return "admin/producers/form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal JiyunUser user, @ModelAttribute("form") ProducerForm form,
                  BindingResult result, RedirectAttributes redirect) {
        if (!checked(form, result)) {
            form.withSpareRows();
            return "admin/producers/form";
        }
        try {
            Producer created = producers.create(user.cooperativeId(), form.request().details());
            Notice.done(redirect, "admin.producers.created", created.name());
            return "redirect:/admin/producers/" + created.id();
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result);
            form.withSpareRows();
            return "admin/producers/form";
        }
    }

    @GetMapping("/{id:\\d+}")
    @Transactional(readOnly = true)
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, Model model) {
        Producer producer = producers.get(user.cooperativeId(), id);
        model.addAttribute("producerId", id);
        model.addAttribute("synthetic", producer.synthetic());
        model.addAttribute("form", ProducerForm.of(producer));
        return "admin/producers/form";
    }

    @PostMapping("/{id:\\d+}")
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, @ModelAttribute("form") ProducerForm form,
                BindingResult result, Model model, RedirectAttributes redirect) {
        // another cooperative's producer is not found before anything is checked
        Producer producer = producers.get(user.cooperativeId(), id);
        model.addAttribute("producerId", id);
        model.addAttribute("synthetic", producer.synthetic());
        if (!checked(form, result)) {
            form.withSpareRows();
            return "admin/producers/form";
        }
        try {
            producers.update(user.cooperativeId(), id, form.request().details());
            Notice.done(redirect, "admin.producers.saved", form.getName());
            return "redirect:/admin/producers/" + id;
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result);
            form.withSpareRows();
            return "admin/producers/form";
        }
    }

    private boolean checked(ProducerForm form, BindingResult result) {
        form.withoutBlankRows();
        if (!errors.validate(form.request(), result)) {
            return false;
        }
        try {
            form.request().details();
            return true;
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result);
            return false;
        }
    }
}
