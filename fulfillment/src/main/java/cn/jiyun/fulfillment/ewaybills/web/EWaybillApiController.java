package cn.jiyun.fulfillment.ewaybills.web;

import cn.jiyun.fulfillment.ewaybills.EWaybillDesk;
import cn.jiyun.fulfillment.ewaybills.EWaybillLabels;
import cn.jiyun.fulfillment.ewaybills.OrderEWaybill;
import cn.jiyun.fulfillment.ewaybills.PrintDocuments;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Carrier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The hub's e-waybills: taken from the orders' platforms, printed, voided while the parcel is still at the hub. */
@RestController
@RequestMapping("/api/hub/e-waybills")
@Tag(name = "Pickups")
class EWaybillApiController {

    /** A van's load, or one order. */
    record TakeBody(
            @Schema(description = "orders AT_HUB") @NotEmpty @Size(max = 500) List<@NotNull Long> orderIds,
            @Schema(description = "the carrier, where the cooperative has accounts with several for a platform")
            Carrier carrier) {
    }

    /** Each order's answer. */
    record TakeAnswers(List<EWaybillDesk.TakeAnswer> results) {
    }

    /** An order's current e-waybill. */
    record EWaybillView(Long orderId, int take, String status, String platform, Carrier carrier,
                        String waybillNumber, String sortCode, String reason, boolean retryable, Instant takenAt,
                        Instant cancelledAt,
                        @Schema(description = "true: print through the platform's print component (printDocument); "
                                + "false: GET label.pdf") boolean printComponent,
                        @Schema(description = "what the page hands the print component") String printDocument) {
        static EWaybillView of(OrderEWaybill take) {
            boolean component = PrintDocuments.forComponent(take);
            return new EWaybillView(take.orderId(), take.takeNumber(), take.status().name(), take.platform().name(),
                    take.carrier(), take.waybillNumber(), take.sortCode(), take.reason(), take.retryable(),
                    take.takenAt(), take.cancelledAt(), component,
                    component ? PrintDocuments.of(List.of(take)) : null);
        }
    }

    private final EWaybillDesk desk;
    private final EWaybillLabels labels;
    private final OrderService orders;

    EWaybillApiController(EWaybillDesk desk, EWaybillLabels labels, OrderService orders) {
        this.desk = desk;
        this.labels = labels;
        this.orders = orders;
    }

    @PostMapping
    @Operation(summary = "Take the e-waybills of orders at the hub from their platforms; each order answers with the "
            + "carrier and waybill number, or the platform's refusal. Asking again never takes a second number")
    TakeAnswers take(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody TakeBody body) {
        return new TakeAnswers(desk.take(user, body.orderIds(), body.carrier()));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "The order's current e-waybill")
    EWaybillView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long orderId) {
        orders.get(user.cooperativeId(), orderId);
        return EWaybillView.of(desk.current(user.cooperativeId(), orderId)
                .orElseThrow(() -> new NotFoundException("e-waybill of order", orderId)));
    }

    @GetMapping(value = "/{orderId}/label.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The order's 76 × 130 mm label, where the platform gave plain print data")
    ResponseEntity<byte[]> label(@AuthenticationPrincipal JiyunUser user, @PathVariable Long orderId) {
        return pdf(labels.label(user, orderId), "label-" + orderId + ".pdf");
    }

    @GetMapping(value = "/labels.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Several orders' labels in one PDF, a page each, as a van's load is printed")
    ResponseEntity<byte[]> labels(@AuthenticationPrincipal JiyunUser user,
                                  @RequestParam @Size(min = 1, max = 500) List<@NotNull Long> orderIds) {
        return pdf(labels.labels(user, orderIds), "labels.pdf");
    }

    @PostMapping("/{orderId}/cancellation")
    @Operation(summary = "Void the order's e-waybill at the platform while the parcel is still at the hub; the next "
            + "take asks for a new number")
    EWaybillView cancel(@AuthenticationPrincipal JiyunUser user, @PathVariable Long orderId) {
        return EWaybillView.of(desk.cancel(user, orderId));
    }

    static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }
}
