package cn.jiyun.fulfillment.planning.web;

import cn.jiyun.fulfillment.planning.DispatchSettingsService;
import cn.jiyun.fulfillment.planning.DispatchSettingsService.Settings;
import cn.jiyun.fulfillment.security.JiyunUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalTime;

/** The cooperative's dispatch policy, holding price, courier remainder and evening plan. */
@RestController
@RequestMapping("/api/planning/settings")
@Tag(name = "Planning")
class DispatchSettingsController {

    /** What an admin sets; the courier fees are configuration and are only shown. */
    record Body(@NotBlank String policy, @NotNull @Min(0) @Max(100_000) Long holdingCostPerParcelDayFen,
                @NotNull Boolean courierRemainder, LocalTime eveningPlanAt,
                @NotNull @Min(1) @Max(3) Integer eveningPlanDays, @Min(1) Integer eveningPlanSeconds) {
    }

    private final DispatchSettingsService settings;

    DispatchSettingsController(DispatchSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The cooperative's dispatch settings (the configured defaults where it set none)")
    Settings get(@AuthenticationPrincipal JiyunUser user) {
        return settings.of(user.cooperativeId());
    }

    @PutMapping
    @Operation(summary = "Set the dispatch policy, the price of a parcel's day of waiting, the courier remainder "
            + "and the evening plan (eveningPlanAt null: none)")
    Settings put(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody Body body) {
        Settings current = settings.of(user.cooperativeId());
        return settings.change(user.cooperativeId(), new Settings(body.policy(), body.holdingCostPerParcelDayFen(),
                body.courierRemainder(), body.eveningPlanAt(), body.eveningPlanDays(),
                body.eveningPlanSeconds() == null ? current.eveningPlanSeconds() : body.eveningPlanSeconds(),
                current.ambientPickupFeeFen(), current.chilledPickupFeeFen()));
    }
}
