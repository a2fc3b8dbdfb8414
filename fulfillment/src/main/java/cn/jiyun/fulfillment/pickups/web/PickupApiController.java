package cn.jiyun.fulfillment.pickups.web;

import cn.jiyun.fulfillment.pickups.PickupAnswer;
import cn.jiyun.fulfillment.pickups.PickupOutcome;
import cn.jiyun.fulfillment.pickups.PickupSheet;
import cn.jiyun.fulfillment.pickups.Pickups;
import cn.jiyun.fulfillment.security.JiyunUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Pickups for a scanner app: the courier assigned to the route (or a cooperative admin) confirms
 * parcels and skips stops, with the same checks as the manifest page.
 */
@RestController
@RequestMapping("/api/routes/{routeId}")
@Tag(name = "Pickups")
class PickupApiController {

    /** Parcels confirmed at a stop. */
    record ConfirmationBody(
            @Schema(description = "parcel codes as on the labels; a field may hold several, separated by spaces")
            @NotEmpty @Size(max = 200) List<@NotNull String> codes,
            @Schema(description = "what became of them; COLLECTED when left out")
            PickupOutcome outcome,
            @Schema(description = "why not collected; needed for REFUSED and DAMAGED")
            @Size(max = 500) String reason,
            @Schema(description = "chosen by the client; the same id sent again gets the first answer back")
            @Size(max = 64) String requestId) {
    }

    /** A stop skipped. */
    record SkipBody(@Size(max = 500) String reason, @Size(max = 64) String requestId) {
    }

    private final Pickups pickups;

    PickupApiController(Pickups pickups) {
        this.pickups = pickups;
    }

    @GetMapping("/pickups")
    @Operation(summary = "Where the route's pickups stand: each parcel's outcome per stop, skipped stops, "
            + "the load collected")
    PickupSheet sheet(@AuthenticationPrincipal JiyunUser user, @PathVariable Long routeId) {
        return pickups.sheet(user, routeId);
    }

    @PostMapping("/pickups")
    @Operation(summary = "Confirm parcels collected, or record why not (NOT_READY, REFUSED, DAMAGED). "
            + "Confirming a parcel again the same way changes nothing; a different outcome is refused (409)")
    PickupAnswer confirm(@AuthenticationPrincipal JiyunUser user, @PathVariable Long routeId,
                         @Valid @RequestBody ConfirmationBody body) {
        return pickups.confirm(user, routeId,
                new Pickups.Confirmation(body.codes(), body.outcome(), body.reason(), body.requestId()));
    }

    @PostMapping("/stops/{sequence}/skip")
    @Operation(summary = "The producer of the stop (1-based) was absent: skip it; its orders go back to planning")
    PickupAnswer skip(@AuthenticationPrincipal JiyunUser user, @PathVariable Long routeId, @PathVariable int sequence,
                      @Valid @RequestBody(required = false) SkipBody body) {
        SkipBody b = body == null ? new SkipBody(null, null) : body;
        return pickups.skip(user, routeId, sequence, b.reason(), b.requestId());
    }
}
