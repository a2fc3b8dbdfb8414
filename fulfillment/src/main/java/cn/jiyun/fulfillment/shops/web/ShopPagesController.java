package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.FormErrors;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.OrdersAwaitingMapping;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopAuthorisations;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.SkuMapping;
import cn.jiyun.integrations.Platform;
import org.springframework.data.domain.Page;
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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin's shop pages: the shops with their authorisation and sync state, registering a shop,
 * new tokens for a shop the platform stopped trusting, and each shop's SKU→producer mappings.
 */
@Controller
@AdminPage
@RequestMapping("/admin/shops")
class ShopPagesController {

    private static final int MAX_CHOICES = 5_000;
    private static final int MAPPINGS_PER_PAGE = 50;

    /** A SKU mapping as a row, with its producer's name, weight in kg and volume in litres. */
    record MappingRow(Long id, String platformSku, String productName, Long producerId, String producer,
                      double unitWeightKg, double unitVolumeLitres, boolean chilled) {
    }

    private final ShopService shops;
    private final ProducerService producers;
    private final OrdersAwaitingMapping waiting;
    private final AppUsers users;
    private final FormErrors errors;
    private final ShopAuthorisations authorisations;

    ShopPagesController(ShopService shops, ProducerService producers, OrdersAwaitingMapping waiting, AppUsers users,
                        FormErrors errors, ShopAuthorisations authorisations) {
        this.authorisations = authorisations;
        this.shops = shops;
        this.producers = producers;
        this.waiting = waiting;
        this.users = users;
        this.errors = errors;
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", shops.list(user, PageRequest.of(Math.max(page, 0), 50,
                Sort.by("authorisation").descending().and(Sort.by("name", "id")))).map(ShopView::of));
        model.addAttribute("authorisable", java.util.Arrays.stream(Platform.values())
                .filter(authorisations::offers).toList());
        return "admin/shops/list";
    }

    @GetMapping("/new")
    String register(@AuthenticationPrincipal JiyunUser user, Model model) {
        model.addAttribute("form", new ShopForms.Registration());
        return registration(user, model);
    }

    @PostMapping
    String register(@AuthenticationPrincipal JiyunUser user, @ModelAttribute("form") ShopForms.Registration form,
                    BindingResult result, Model model, RedirectAttributes redirect) {
        ShopRequest request = form.request();
        form.forgetTokens();
        if (!errors.validate(request, result)) {
            return registration(user, model);
        }
        try {
            Shop shop = shops.register(user.cooperativeId(), request.platform(), request.shopId(),
                    request.name().strip(), request.sellerUserId(), request.grant());
            Notice.done(redirect, "admin.shops.registered", shop.name());
            return "redirect:/admin/shops/" + shop.id();
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result);
        } catch (ConflictException duplicate) {
            result.rejectValue("shopId", "duplicate", duplicate.getMessage());
        }
        return registration(user, model);
    }

    @GetMapping("/{id:\\d+}")
    String shop(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                @RequestParam(required = false) String sku, @RequestParam(defaultValue = "0") int page, Model model) {
        ShopForms.Mapping mapping = new ShopForms.Mapping();
        mapping.setPlatformSku(sku);
        model.addAttribute("mapping", mapping);
        model.addAttribute("authorisation", new ShopForms.Authorisation());
        return shopPage(user, id, page, model);
    }

    @PostMapping("/{id:\\d+}/authorisation")
    String reauthorise(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                       @ModelAttribute("authorisation") ShopForms.Authorisation form, BindingResult result, Model model,
                       RedirectAttributes redirect) {
        shops.get(user.cooperativeId(), id);
        AuthorisationRequest request = form.request();
        form.forgetTokens();
        model.addAttribute("mapping", new ShopForms.Mapping());
        if (!errors.validate(request, result)) {
            return shopPage(user, id, 0, model);
        }
        try {
            Shop shop = shops.reauthorise(user.cooperativeId(), id, request.grant());
            Notice.done(redirect, "admin.shops.reauthorised", shop.name());
            return "redirect:/admin/shops/" + id;
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result);
            return shopPage(user, id, 0, model);
        }
    }

    @PostMapping("/{id:\\d+}/sync")
    String synchronise(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            shops.synchroniseNow(user.cooperativeId(), id);
            Notice.done(redirect, "admin.shops.syncRequested");
        } catch (ConflictException needsTokens) {
            Notice.refused(redirect, "admin.shops.syncRefused");
        }
        return "redirect:/admin/shops/" + id;
    }

    @PostMapping("/{id:\\d+}/mappings")
    String map(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
               @ModelAttribute("mapping") ShopForms.Mapping form, BindingResult result, Model model,
               RedirectAttributes redirect) {
        Shop shop = shops.get(user.cooperativeId(), id);
        model.addAttribute("authorisation", new ShopForms.Authorisation());
        if (!errors.validate(form.request(), result, ShopForms.Mapping.FORM_FIELDS)) {
            return shopPage(user, id, 0, model);
        }
        long waitingBefore = waiting(user, shop);
        try {
            SkuMapping mapping = shops.map(user.cooperativeId(), id, form.request().details());
            // mapping a SKU retries the orders that waited for it (SkuMapped), in the same transaction
            Notice.done(redirect, "admin.mappings.added", mapping.platformSku(), waitingBefore - waiting(user, shop));
            return "redirect:/admin/shops/" + id;
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result, ShopForms.Mapping.FORM_FIELDS);
        } catch (ConflictException duplicate) {
            result.rejectValue("platformSku", "duplicate", duplicate.getMessage());
        }
        return shopPage(user, id, 0, model);
    }

    private long waiting(JiyunUser user, Shop shop) {
        return waiting.count(user, shop);
    }

    private String shopPage(JiyunUser user, Long id, int page, Model model) {
        Shop shop = shops.get(user.cooperativeId(), id);
        Map<Long, String> producerNames = producerNames(user);
        Page<MappingRow> mappings = shops.mappings(user.cooperativeId(), id,
                        PageRequest.of(Math.max(page, 0), MAPPINGS_PER_PAGE, Sort.by("platformSku")))
                .map(m -> new MappingRow(m.id(), m.platformSku(), m.productName(), m.producerId(),
                        producerNames.get(m.producerId()), m.unitWeightGrams() / 1000.0, m.unitVolumeMl() / 1000.0,
                        m.chilled()));
        model.addAttribute("shop", ShopView.of(shop));
        model.addAttribute("onPlatform", authorisations.offers(shop.platform()));
        model.addAttribute("platformKey", shop.platform().key());
        model.addAttribute("seller", shop.sellerUserId() == null ? null
                : users.findById(shop.sellerUserId()).map(AppUser::username).orElse(null));
        model.addAttribute("waiting", waiting(user, shop));
        model.addAttribute("page", mappings);
        model.addAttribute("producers", producerNames);
        return "admin/shops/shop";
    }

    private String registration(JiyunUser user, Model model) {
        Map<Long, String> sellers = new LinkedHashMap<>();
        for (AppUser seller : users.findByCooperativeIdAndRoleOrderByUsername(user.cooperativeId(), Role.SELLER)) {
            sellers.put(seller.id(), seller.displayName() + " · " + seller.username());
        }
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("sellers", sellers);
        return "admin/shops/new";
    }

    private Map<Long, String> producerNames(JiyunUser user) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Producer p : producers.list(user.cooperativeId(), null,
                PageRequest.of(0, MAX_CHOICES, Sort.by("name", "id")))) {
            names.put(p.id(), p.name() + " · " + p.phone());
        }
        return names;
    }
}
