package cn.jiyun.fulfillment.tracking.web;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Orders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The public tracking page of an order, {@code /track/{token}}: no login, and only the order's
 * steps (status and time), its platform order number and the waybill once handed over — no buyer,
 * no address, no producer, no amounts, no notes.
 */
@Controller
class TrackingPageController {

    /** One step of the order as the page shows it, in Asia/Shanghai time. */
    record Step(OrderStatus status, LocalDateTime at) {
    }

    private final Orders orders;

    TrackingPageController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/track/{token}")
    @Transactional(readOnly = true)
    String track(@PathVariable String token, Model model) {
        Order order = orders.findByTrackingToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Step> steps = order.events().stream()
                // a person's working states are not the buyer's business; the next real step is
                .filter(e -> e.status() != OrderStatus.NEEDS_ATTENTION)
                .map(e -> new Step(e.status(), LocalDateTime.ofInstant(e.occurredAt(), ChinaTime.ZONE)))
                .toList();
        model.addAttribute("platformOrderId", order.platformOrderId());
        model.addAttribute("status", order.status());
        model.addAttribute("steps", steps);
        model.addAttribute("carrier", order.carrier() == null ? null : order.carrier().chineseName());
        model.addAttribute("waybill", order.waybillNumber());
        return "tracking/track";
    }
}
