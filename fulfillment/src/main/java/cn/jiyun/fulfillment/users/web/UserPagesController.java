package cn.jiyun.fulfillment.users.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.FormErrors;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.fleet.Vehicle;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.users.UserAdministration;
import cn.jiyun.fulfillment.users.UserAdministration.Issued;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
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

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin's user pages: who works in the cooperative, adding a courier, seller or admin with a one-time
 * password, renaming and disabling, resetting a forgotten password, and who is locked out by failed logins.
 */
@Controller
@AdminPage
@RequestMapping("/admin/users")
class UserPagesController {

    private static final int MAX_CHOICES = 500;

    /** A user as a list row: what they are tied to (a seller's shops, a courier's vehicles) and their state. */
    record Row(Long id, String username, String displayName, Role role, boolean enabled,
               boolean mustChangePassword, Instant lockedUntil, String tiedTo) {
    }

    private final UserAdministration users;
    private final ShopService shops;
    private final VehicleService vehicles;
    private final FormErrors errors;

    UserPagesController(UserAdministration users, ShopService shops, VehicleService vehicles, FormErrors errors) {
        this.users = users;
        this.shops = shops;
        this.vehicles = vehicles;
        this.errors = errors;
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", users.list(user.cooperativeId(),
                        PageRequest.of(Math.max(page, 0), 50, Sort.by("role", "username")))
                .map(u -> new Row(u.id(), u.username(), u.displayName(), u.role(), u.enabled(),
                        u.mustChangePassword(), users.lockedUntil(u).orElse(null), tiedTo(user, u))));
        return "admin/users/list";
    }

    @GetMapping("/new")
    String create(@AuthenticationPrincipal JiyunUser user, Model model) {
        model.addAttribute("form", new UserForm());
        return form(user, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal JiyunUser user, @ModelAttribute("form") UserForm form,
                  BindingResult result, Model model, HttpServletResponse response) {
        UserRequests.NewUser request = form.newUser();
        if (form.getRole() == Role.OPERATOR) {
            result.rejectValue("role", "invalid", new Object[] {"must be COOP_ADMIN, COURIER or SELLER"}, null);
        }
        if (!errors.validate(request, result, UserForm.FORM_FIELDS)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(user, model);
        }
        try {
            Issued issued = users.add(user.cooperativeId(), request.username(), request.displayName().strip(),
                    request.role(), request.shops(), request.vehicles());
            return issued(issued, "admin.users.created", model);
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result, UserForm.FORM_FIELDS);
        } catch (ConflictException taken) {
            result.rejectValue("username", "invalid", new Object[] {taken.getMessage()}, taken.getMessage());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(user, model);
    }

    @GetMapping("/{id:\\d+}")
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, Model model) {
        AppUser shown = users.get(user.cooperativeId(), id);
        UserForm form = new UserForm();
        form.setUsername(shown.username());
        form.setDisplayName(shown.displayName());
        form.setRole(shown.role());
        form.setEnabled(shown.enabled());
        model.addAttribute("form", form);
        return edit(user, shown, model);
    }

    @PostMapping("/{id:\\d+}")
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                @ModelAttribute("form") UserForm form, BindingResult result, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        AppUser shown = users.get(user.cooperativeId(), id);
        if (errors.validate(form.change(), result)) {
            try {
                users.update(user.cooperativeId(), user.userId(), id, form.getDisplayName().strip(),
                        form.isEnabled());
                Notice.done(redirect, "admin.users.saved", shown.username());
                return "redirect:/admin/users/" + id;
            } catch (InvalidFieldException refusal) {
                errors.reject(refusal, result);
            } catch (ConflictException drives) {
                // a courier who still drives: the reason names the vehicles to give another driver
                result.rejectValue("enabled", "invalid", new Object[] {drives.getMessage()}, drives.getMessage());
            }
        }
        form.setUsername(shown.username());
        form.setRole(shown.role());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return edit(user, shown, model);
    }

    @PostMapping("/{id:\\d+}/password-reset")
    String reset(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, Model model) {
        return issued(users.resetPassword(user.cooperativeId(), id), "admin.users.reset", model);
    }

    /** The one-time password is shown on this answer only; nothing keeps it to show again. */
    private String issued(Issued issued, String message, Model model) {
        model.addAttribute("issued", issued.user());
        model.addAttribute("oneTimePassword", issued.oneTimePassword());
        model.addAttribute("message", message);
        return "admin/users/issued";
    }

    private String edit(JiyunUser user, AppUser shown, Model model) {
        model.addAttribute("userId", shown.id());
        model.addAttribute("tiedTo", tiedTo(user, shown));
        model.addAttribute("lockedUntil", users.lockedUntil(shown).orElse(null));
        model.addAttribute("mustChangePassword", shown.mustChangePassword());
        return "admin/users/form";
    }

    private String form(JiyunUser user, Model model) {
        Map<Long, String> shopChoices = new LinkedHashMap<>();
        for (Shop shop : shops.list(user, PageRequest.of(0, MAX_CHOICES, Sort.by("name", "id")))) {
            shopChoices.put(shop.id(), shop.name() + " · " + shop.platform());
        }
        Map<Long, String> vehicleChoices = new LinkedHashMap<>();
        for (Vehicle vehicle : vehicles.list(user.cooperativeId(), null,
                PageRequest.of(0, MAX_CHOICES, Sort.by("name", "id")))) {
            vehicleChoices.put(vehicle.id(), vehicle.name() + " · " + vehicle.plate());
        }
        model.addAttribute("shops", shopChoices);
        model.addAttribute("vehicles", vehicleChoices);
        model.addAttribute("roles", List.of(Role.COURIER, Role.SELLER, Role.COOP_ADMIN));
        return "admin/users/form";
    }

    private String tiedTo(JiyunUser admin, AppUser user) {
        List<String> names = switch (user.role()) {
            case SELLER -> shops.ofSeller(admin.cooperativeId(), user.id()).stream().map(Shop::name).toList();
            case COURIER -> vehicles.drivenBy(admin.cooperativeId(), user.id()).stream()
                    .map(v -> v.name() + " · " + v.plate()).toList();
            default -> List.of();
        };
        return names.stream().collect(Collectors.joining("、"));
    }
}
