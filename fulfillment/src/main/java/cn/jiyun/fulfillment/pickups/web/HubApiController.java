package cn.jiyun.fulfillment.pickups.web;

import cn.jiyun.fulfillment.pickups.HubAnswer;
import cn.jiyun.fulfillment.pickups.HubScans;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Carrier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The county hub's scans for a scanner app: arrivals off the vans, and handovers to the express carrier. */
@RestController
@RequestMapping("/api/hub")
@Tag(name = "Pickups")
class HubApiController {

    /** Parcels unloaded at the hub. */
    record ArrivalBody(
            @Schema(description = "codes of collected parcels") @NotEmpty @Size(max = 500) List<@NotNull String> codes,
            @Schema(description = "chosen by the client; the same id sent again gets the first answer back")
            @Size(max = 64) String requestId) {
    }

    /** An order given to the express carrier. */
    record HandoverBody(
            @Schema(description = "a parcel code of the order (or give orderId)") @Size(max = 40) String code,
            Long orderId,
            Carrier carrier,
            @Size(max = 64) String waybillNumber,
            @Schema(description = "chosen by the client; the same id sent again gets the first answer back")
            @Size(max = 64) String requestId) {
    }

    private final HubScans hub;

    HubApiController(HubScans hub) {
        this.hub = hub;
    }

    @PostMapping("/arrivals")
    @Operation(summary = "Scan collected parcels in at the hub; an order is AT_HUB once all its collected parcels "
            + "are in. Scanning a parcel again changes nothing")
    HubAnswer.Arrival arrive(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody ArrivalBody body) {
        return hub.arrive(user, body.codes(), body.requestId());
    }

    @PostMapping("/handovers")
    @Operation(summary = "Hand an order AT_HUB to the express carrier under a waybill: HANDED_TO_CARRIER, and the "
            + "waybill is queued for the platform. The same handover again changes nothing; another waybill is refused")
    HubAnswer.Handover handOver(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody HandoverBody body) {
        return hub.handOver(user, new HubScans.Handover(body.code(), body.orderId(), body.carrier(),
                body.waybillNumber(), body.requestId()));
    }
}
