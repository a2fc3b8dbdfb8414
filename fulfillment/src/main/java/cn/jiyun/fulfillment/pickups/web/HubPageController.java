package cn.jiyun.fulfillment.pickups.web;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderFilter;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.pickups.HubScans;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Carrier;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The hub page, {@code /hub}: parcels arriving off the vans, and orders handed to the express carrier. */
@Controller
class HubPageController {

    /** An order waiting at the hub, as the hand-over list shows it. */
    record Waiting(Long id, String platformOrderId, String platform, String buyerCity, List<String> codes) {
    }

    private static final int WAITING_SHOWN = 100;
    private static final DateTimeFormatter COLLECTED_AT = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ChinaTime.ZONE);

    /** A parcel on a van, collected and not yet scanned in, with when (Asia/Shanghai) and by whom. */
    record OnTheWay(String code, Long routeId, int stop, String collectedAt, String collectedBy) {
    }

    private final HubScans hub;
    private final OrderService orders;
    private final PickupWords words;

    HubPageController(HubScans hub, OrderService orders, PickupWords words) {
        this.hub = hub;
        this.orders = orders;
        this.words = words;
    }

    @GetMapping("/hub")
    @Transactional(readOnly = true)
    String page(@AuthenticationPrincipal JiyunUser user, Model model) {
        List<Waiting> waiting = orders.list(user,
                        OrderFilter.withStatus(OrderStatus.AT_HUB),
                        PageRequest.of(0, WAITING_SHOWN, Sort.by("shipBy", "id")))
                .map(HubPageController::waiting).getContent();
        model.addAttribute("waiting", waiting);
        model.addAttribute("onTheWay", hub.onTheWay(user).stream().map(p -> new OnTheWay(p.code(), p.routeId(),
                p.stop(), COLLECTED_AT.format(p.collectedAt()), p.collectedBy())).toList());
        model.addAttribute("carriers", Carrier.values());
        return "pickups/hub";
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

    private static Waiting waiting(Order order) {
        return new Waiting(order.id(), order.platformOrderId(), order.platform().name(), order.buyerCity(),
                order.parcels().stream().map(p -> p.code()).toList());
    }
}
