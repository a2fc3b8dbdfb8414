package cn.jiyun.fulfillment.orders.web;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderFilter;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.OrderTimelineSource;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.integrations.Platform;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sellers' order pages: their shops' orders (an admin: the cooperative's), newest first, and one
 * order with its parcels, timeline and public tracking link. Who sees which order is the API's rule,
 * in {@link OrderService}; an order one may not see is not found, so nothing leaks.
 */
@Controller
@Transactional(readOnly = true)
class OrderPagesController {

    static final int PAGE_SIZE = 20;
    // by the paid time the list shows; Spring Data cannot say where unpaid orders go, so the store decides
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "paidAt", "placedAt", "id");

    /** An order in the list, with its times in Asia/Shanghai. */
    record OrderRow(OrderView order, LocalDateTime paidAt, LocalDateTime shipBy) {
    }

    private final OrderService orders;
    private final ShopService shopService;
    private final OrderTimelineSource timelines;

    OrderPagesController(OrderService orders, ShopService shopService, OrderTimelineSource timelines) {
        this.orders = orders;
        this.shopService = shopService;
        this.timelines = timelines;
    }

    @GetMapping("/orders")
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) OrderStatus status,
                @RequestParam(required = false) Platform platform, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String search = q == null || q.isBlank() ? null : q.strip();
        OrderFilter filter = new OrderFilter(status, platform, null, null, null, null, null, null, search);
        Page<Order> found = orders.list(user, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE, NEWEST_FIRST));
        Set<Long> shopIds = found.getContent().stream().map(Order::shopId).collect(Collectors.toSet());
        Map<Long, Shop> byId = shopService.byId(shopIds);
        model.addAttribute("rows", found.getContent().stream()
                .map(o -> new OrderRow(OrderView.summary(o, byId.get(o.shopId())), local(o.paidAt()),
                        local(o.shipBy())))
                .toList());
        model.addAttribute("page", found);
        model.addAttribute("status", status);
        model.addAttribute("platform", platform);
        model.addAttribute("q", search);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("previousUrl", found.hasPrevious() ? pageUrl(found.getNumber() - 1) : null);
        model.addAttribute("nextUrl", found.hasNext() ? pageUrl(found.getNumber() + 1) : null);
        return "orders/list";
    }

    @GetMapping("/orders/{id:\\d+}")
    String order(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, Model model) {
        Order order = orders.get(user, id);
        model.addAttribute("order", OrderView.detail(order, shopService.get(user.cooperativeId(), order.shopId())));
        model.addAttribute("placedAt", local(order.placedAt()));
        model.addAttribute("paidAt", local(order.paidAt()));
        model.addAttribute("shipBy", local(order.shipBy()));
        model.addAttribute("timeline", timelines.of(order));
        return "orders/order";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "orders/not-found";
    }

    /** A filter no form offers (a hand-edited link): start again from the whole list rather than show an error. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String unknownFilter() {
        return "redirect:/orders";
    }

    /** This list with the same filters, on another page (a path, not an absolute URL: proxies keep it right). */
    private static String pageUrl(int page) {
        UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
        return uri.getPath() + "?" + uri.getQuery();
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant, ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
    }
}
