package cn.jiyun.fulfillment.fleet.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.FormErrors;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.fleet.Vehicle;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
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

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin's vehicle pages: the fleet list, and the form to add or change a vehicle with its home
 * hub and its usual driver (one of the cooperative's couriers).
 */
@Controller
@AdminPage
@RequestMapping("/admin/vehicles")
class VehiclePagesController {

    private static final int MAX_CHOICES = 500;

    /** A vehicle as a list row, with its hub's and driver's names and its costs in yuan. */
    record Row(Long id, String name, String plate, String hub, int capacityKg, int capacityLitres,
               boolean refrigerated, BigDecimal costPerKmYuan, BigDecimal fixedCostPerDayYuan, String shift,
               String driver) {
    }

    private final VehicleService vehicles;
    private final HubService hubs;
    private final AppUsers users;
    private final FormErrors errors;

    VehiclePagesController(VehicleService vehicles, HubService hubs, AppUsers users, FormErrors errors) {
        this.vehicles = vehicles;
        this.hubs = hubs;
        this.users = users;
        this.errors = errors;
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<Long, String> hubNames = hubNames(user);
        Map<Long, String> couriers = couriers(user);
        model.addAttribute("page", vehicles.list(user.cooperativeId(), null,
                        PageRequest.of(Math.max(page, 0), 50, Sort.by("homeHubId", "name", "id")))
                .map(v -> new Row(v.id(), v.name(), v.plate(), hubNames.get(v.homeHubId()), v.capacityKg(),
                        v.capacityLitres(), v.refrigerated(), VehicleForm.yuan(v.costPerKmFen()),
                        VehicleForm.yuan(v.fixedCostPerDayFen()), v.shiftStart() + "–" + v.shiftEnd(),
                        v.driverUserId() == null ? null : couriers.get(v.driverUserId()))));
        return "admin/vehicles/list";
    }

    @GetMapping("/new")
    String create(@AuthenticationPrincipal JiyunUser user, Model model) {
        model.addAttribute("form", VehicleForm.blank());
        return form(user, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal JiyunUser user, @ModelAttribute("form") VehicleForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        if (!errors.validate(form.request(), result, VehicleForm.FORM_FIELDS)) {
            return form(user, model);
        }
        try {
            Vehicle vehicle = vehicles.create(user.cooperativeId(), form.request().details());
            Notice.done(redirect, "admin.vehicles.created", vehicle.name());
            return "redirect:/admin/vehicles/" + vehicle.id();
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result, VehicleForm.FORM_FIELDS);
            return form(user, model);
        }
    }

    @GetMapping("/{id:\\d+}")
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, Model model) {
        model.addAttribute("vehicleId", id);
        model.addAttribute("form", VehicleForm.of(vehicles.get(user.cooperativeId(), id)));
        return form(user, model);
    }

    @PostMapping("/{id:\\d+}")
    String edit(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                @ModelAttribute("form") VehicleForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        vehicles.get(user.cooperativeId(), id);
        model.addAttribute("vehicleId", id);
        if (!errors.validate(form.request(), result, VehicleForm.FORM_FIELDS)) {
            return form(user, model);
        }
        try {
            vehicles.update(user.cooperativeId(), id, form.request().details());
            Notice.done(redirect, "admin.vehicles.saved", form.getName());
            return "redirect:/admin/vehicles/" + id;
        } catch (InvalidFieldException refusal) {
            errors.reject(refusal, result, VehicleForm.FORM_FIELDS);
            return form(user, model);
        }
    }

    private String form(JiyunUser user, Model model) {
        model.addAttribute("hubs", hubNames(user));
        model.addAttribute("couriers", couriers(user));
        return "admin/vehicles/form";
    }

    private Map<Long, String> hubNames(JiyunUser user) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Hub hub : hubs.list(user.cooperativeId(), PageRequest.of(0, MAX_CHOICES, Sort.by("name", "id")))) {
            names.put(hub.id(), hub.name());
        }
        return names;
    }

    private Map<Long, String> couriers(JiyunUser user) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (AppUser courier : users.findByCooperativeIdAndRoleOrderByUsername(user.cooperativeId(), Role.COURIER)) {
            names.put(courier.id(), courier.displayName() + " · " + courier.username());
        }
        return names;
    }
}
