package cn.jiyun.fulfillment.ewaybills.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.FormErrors;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.ewaybills.CarrierAccount;
import cn.jiyun.fulfillment.ewaybills.CarrierAccountService;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The admin's e-waybill accounts page: the cooperative's accounts with the carriers per platform, and the form that
 * adds one or changes it (an account is kept per platform and carrier). A stored secret is never shown.
 */
@Controller
@AdminPage
@RequestMapping("/admin/e-waybill-accounts")
class CarrierAccountPagesController {

    /** The service's names of the sender's fields, as the form names them. */
    private static final Map<String, String> FORM_FIELDS = Map.of("sender.name", "senderName",
            "sender.mobile", "senderMobile", "sender.province", "senderProvince", "sender.city", "senderCity",
            "sender.district", "senderDistrict", "sender.detail", "senderDetail");

    private static final List<Platform> PLATFORMS = List.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT);

    private final CarrierAccountService accounts;
    private final FormErrors errors;

    CarrierAccountPagesController(CarrierAccountService accounts, FormErrors errors) {
        this.accounts = accounts;
        this.errors = errors;
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) Long edit, Model model) {
        CarrierAccountForm form = edit == null ? new CarrierAccountForm()
                : CarrierAccountForm.of(accounts.get(user.cooperativeId(), edit));
        return page(user, form, model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal JiyunUser user, @ModelAttribute("form") CarrierAccountForm form,
                BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            CarrierAccount saved = accounts.save(user.cooperativeId(), form.details());
            Notice.done(redirect, "admin.ewaybillAccounts.saved", saved.platform().displayName(),
                    saved.carrier().chineseName());
            return "redirect:/admin/e-waybill-accounts";
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result, FORM_FIELDS);
            return page(user, form, model);
        }
    }

    private String page(JiyunUser user, CarrierAccountForm form, Model model) {
        model.addAttribute("accounts", accounts.list(user.cooperativeId()).stream()
                .map(CarrierAccountController.AccountView::of).toList());
        model.addAttribute("form", form);
        model.addAttribute("platforms", PLATFORMS);
        model.addAttribute("carriers", Carrier.values());
        return "admin/e-waybill-accounts";
    }
}
