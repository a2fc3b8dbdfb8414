package cn.jiyun.fulfillment.pickups.web;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.ewaybills.EWaybillDesk;
import cn.jiyun.fulfillment.ewaybills.EWaybillLabels;
import cn.jiyun.fulfillment.ewaybills.OrderEWaybill;
import cn.jiyun.fulfillment.ewaybills.PrintDocuments;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderFilter;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.pickups.HubAnswer;
import cn.jiyun.fulfillment.pickups.HubScans;
import cn.jiyun.fulfillment.printing.PrintComponents;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hub page, {@code /hub}: parcels arriving off the vans, the orders' e-waybills taken and their labels printed,
 * and orders handed to the express carrier.
 */
@Controller
class HubPageController {

    /** An order waiting at the hub, as the hand-over list shows it, with its e-waybill if one was asked for. */
    record Waiting(Long id, String platformOrderId, String platform, String buyerCity, List<String> codes,
                   EWaybillRow ewaybill) {
    }

    /** An order's e-waybill on the page: taken (and how its label is printed), or failed with the reason. */
    record EWaybillRow(String status, String carrier, String waybillNumber, String sortCode, String reason,
                       boolean retryable, boolean printComponent) {
        public boolean taken() {
            return "TAKEN".equals(status);
        }
    }

    /** One platform's labels for its print component, printed with one button. */
    record ComponentPrint(String platform, String url, String documents, int count) {
    }

    private static final int WAITING_SHOWN = 100;
    private static final DateTimeFormatter COLLECTED_AT = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ChinaTime.ZONE);

    /** A parcel on a van, collected and not yet scanned in, with when (Asia/Shanghai) and by whom. */
    record OnTheWay(String code, Long routeId, int stop, String collectedAt, String collectedBy) {
    }

    private final HubScans hub;
    private final OrderService orders;
    private final EWaybillDesk ewaybills;
    private final EWaybillLabels labels;
    private final PrintComponents components;
    private final PickupWords words;

    HubPageController(HubScans hub, OrderService orders, EWaybillDesk ewaybills, EWaybillLabels labels,
                      PrintComponents components, PickupWords words) {
        this.hub = hub;
        this.orders = orders;
        this.ewaybills = ewaybills;
        this.labels = labels;
        this.components = components;
        this.words = words;
    }

    @GetMapping("/hub")
    @Transactional(readOnly = true)
    String page(@AuthenticationPrincipal JiyunUser user, Model model) {
        List<Order> atHub = orders.list(user, OrderFilter.withStatus(OrderStatus.AT_HUB),
                PageRequest.of(0, WAITING_SHOWN, Sort.by("shipBy", "id"))).getContent();
        Map<Long, OrderEWaybill> takes = ewaybills.current(user.cooperativeId(),
                atHub.stream().map(Order::id).toList());
        model.addAttribute("waiting", atHub.stream().map(o -> waiting(o, takes.get(o.id()))).toList());
        List<OrderEWaybill> taken = atHub.stream().map(o -> takes.get(o.id()))
                .filter(t -> t != null && t.status() == OrderEWaybill.Status.TAKEN).toList();
        model.addAttribute("pdfLabels", taken.stream().filter(t -> !t.printEncrypted())
                .map(t -> String.valueOf(t.orderId())).collect(Collectors.joining(",")));
        model.addAttribute("componentPrints", componentPrints(taken));
        model.addAttribute("onTheWay", hub.onTheWay(user).stream().map(p -> new OnTheWay(p.code(), p.routeId(),
                p.stop(), COLLECTED_AT.format(p.collectedAt()), p.collectedBy())).toList());
        model.addAttribute("carriers", Carrier.values());
        return "pickups/hub";
    }

    private List<ComponentPrint> componentPrints(List<OrderEWaybill> taken) {
        Map<Platform, List<OrderEWaybill>> byPlatform = new EnumMap<>(Platform.class);
        taken.stream().filter(PrintDocuments::forComponent)
                .forEach(t -> byPlatform.computeIfAbsent(t.platform(), p -> new ArrayList<>()).add(t));
        return byPlatform.entrySet().stream().map(e -> new ComponentPrint(e.getKey().name(),
                components.of(e.getKey()), PrintDocuments.of(e.getValue()), e.getValue().size())).toList();
    }

    @PostMapping("/hub/e-waybills")
    String takeEWaybills(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) List<Long> orderIds,
                         RedirectAttributes flash, Locale locale) {
        if (orderIds == null || orderIds.isEmpty()) {
            flash.addFlashAttribute("problem", words.say("hub.ewaybill.noneChosen", locale));
            return "redirect:/hub";
        }
        List<EWaybillDesk.TakeAnswer> answers = ewaybills.take(user, orderIds, null);
        long taken = answers.stream().filter(a -> a.outcome() == EWaybillDesk.Outcome.TAKEN
                || a.outcome() == EWaybillDesk.Outcome.ALREADY_TAKEN).count();
        List<String> failed = answers.stream().filter(a -> a.outcome() == EWaybillDesk.Outcome.FAILED
                        || a.outcome() == EWaybillDesk.Outcome.NOT_ASKED)
                .map(a -> (a.platformOrderId() == null ? String.valueOf(a.orderId()) : a.platformOrderId()) + ": "
                        + a.reason()).toList();
        flash.addFlashAttribute("notice", words.say("hub.ewaybill.taken", locale, taken, failed.size()));
        if (!failed.isEmpty()) {
            flash.addFlashAttribute("problem", String.join("; ", failed));
        }
        return "redirect:/hub";
    }

    @PostMapping("/hub/e-waybills/{orderId}/cancellation")
    String cancelEWaybill(@AuthenticationPrincipal JiyunUser user, @PathVariable Long orderId,
                          RedirectAttributes flash, Locale locale) {
        try {
            OrderEWaybill voided = ewaybills.cancel(user, orderId);
            flash.addFlashAttribute("notice", words.say("hub.ewaybill.cancelled", locale, voided.waybillNumber()));
        } catch (ConflictException refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/hub";
    }

    @PostMapping("/hub/e-waybills/handovers")
    String handOverWithEWaybills(@AuthenticationPrincipal JiyunUser user,
                                 @RequestParam(required = false) List<Long> orderIds, RedirectAttributes flash,
                                 Locale locale) {
        List<String> done = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Long orderId : orderIds == null ? List.<Long>of() : orderIds) {
            boolean hasEWaybill = ewaybills.current(user.cooperativeId(), orderId)
                    .filter(t -> t.status() == OrderEWaybill.Status.TAKEN).isPresent();
            if (!hasEWaybill) {
                continue;
            }
            try {
                HubAnswer.Handover handed = hub.handOver(user, new HubScans.Handover(null, orderId, null, null, null));
                done.add(handed.platformOrderId());
            } catch (RuntimeException e) {
                refused.add(words.refused(e, locale));
            }
        }
        flash.addFlashAttribute(done.isEmpty() && !refused.isEmpty() ? "problem" : "notice",
                words.say("hub.ewaybill.handedOver", locale, done.size())
                        + (refused.isEmpty() ? "" : " " + String.join("; ", refused)));
        return "redirect:/hub";
    }

    @GetMapping(value = "/hub/e-waybills/labels.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> labels(@AuthenticationPrincipal JiyunUser user, @RequestParam List<Long> orderIds) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("labels.pdf").build()
                        .toString())
                .body(labels.labels(user, orderIds));
    }

    @PostMapping("/hub/arrivals")
    String arrive(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) List<String> codes,
                  @RequestParam(required = false) String requestId, RedirectAttributes flash, Locale locale) {
        try {
            flash.addFlashAttribute("notice", words.said(hub.arrive(user, codes, requestId), locale));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", words.refused(e, locale));
        }
        return "redirect:/hub";
    }

    @PostMapping("/hub/handovers")
    String handOver(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) String code,
                    @RequestParam(required = false) Long orderId, @RequestParam(required = false) String carrier,
                    @RequestParam(required = false) String waybillNumber,
                    @RequestParam(required = false) String requestId, RedirectAttributes flash, Locale locale) {
        try {
            flash.addFlashAttribute("notice", words.said(hub.handOver(user,
                    new HubScans.Handover(code, orderId, carrier(carrier), waybillNumber, requestId)), locale));
        } catch (RuntimeException e) {
            flash.addFlashAttribute("problem", words.refused(e, locale));
            flash.addFlashAttribute("lastCode", code);
            flash.addFlashAttribute("lastWaybill", waybillNumber);
            flash.addFlashAttribute("lastCarrier", carrier);
        }
        return "redirect:/hub";
    }

    private static Carrier carrier(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Carrier.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Waiting waiting(Order order, OrderEWaybill take) {
        EWaybillRow row = take == null || take.status() == OrderEWaybill.Status.CANCELLED ? null
                : new EWaybillRow(take.status().name(), take.carrier().chineseName(), take.waybillNumber(),
                take.sortCode(), take.reason(), take.retryable(), PrintDocuments.forComponent(take));
        return new Waiting(order.id(), order.platformOrderId(), order.platform().name(), order.buyerCity(),
                order.parcels().stream().map(p -> p.code()).toList(), row);
    }
}
