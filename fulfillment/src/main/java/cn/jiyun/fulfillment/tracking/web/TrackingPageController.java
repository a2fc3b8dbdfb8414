package cn.jiyun.fulfillment.tracking.web;

import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.tracking.OrderTimelines;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public tracking page of an order, {@code /track/{token}}: no login, and only the order's
 * timeline (the same one the seller sees: steps, pickup day and time, carrier and waybill) and its
 * platform order number — no buyer, no address, no producer, no amounts, no notes.
 */
@Controller
class TrackingPageController {

    private final OrderService orders;
    private final OrderTimelines timelines;

    TrackingPageController(OrderService orders, OrderTimelines timelines) {
        this.orders = orders;
        this.timelines = timelines;
    }

    @GetMapping("/track/{token}")
    @Transactional(readOnly = true)
    String track(@PathVariable String token, Model model) {
        Order order = orders.byTrackingToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("platformOrderId", order.platformOrderId());
        model.addAttribute("timeline", timelines.of(order));
        return "tracking/track";
    }
}
