package cn.jiyun.fulfillment.orders.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderFilter;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.spreadsheet.OrderSheetReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Orders: list and filter, one with its parcels and history, manual entry, and hand-made status changes. */
@RestController
@Transactional
@RequestMapping("/api/orders")
@Tag(name = "Orders")
class OrderController {

    private final OrderService orders;
    private final ShopService shopService;
    private final Clock clock;

    OrderController(OrderService orders, ShopService shopService, Clock clock) {
        this.orders = orders;
        this.shopService = shopService;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Orders of the cooperative (a seller: of their own shops), filtered")
    PagedModel<OrderView> list(@AuthenticationPrincipal JiyunUser user,
                               @RequestParam(required = false) OrderStatus status,
                               @RequestParam(required = false) Platform platform,
                               @Parameter(description = "the platform's shop id")
                               @RequestParam(required = false) String shopId,
                               @RequestParam(required = false) Long producerId,
                               @Parameter(description = "orders whose producers are nearest this hub")
                               @RequestParam(required = false) Long hubId,
                               @Parameter(description = "first paid day, Asia/Shanghai")
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate paidFrom,
                               @Parameter(description = "last paid day, Asia/Shanghai")
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate paidTo,
                               @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS-84) the producers lie in")
                               @RequestParam(required = false) String bbox,
                               @Parameter(description = "the platform's order id, or its beginning")
                               @RequestParam(required = false) String platformOrderId,
                               @SortableBy({"id", "platformOrderId", "status", "placedAt", "paidAt", "shipBy",
                                       "amountFen"}) Pageable pageable) {
        OrderFilter filter = new OrderFilter(status, platform, shopId, producerId, hubId, paidFrom, paidTo,
                bbox == null ? null : box(bbox), platformOrderId);
        Page<Order> page = orders.list(user, filter, pageable);
        Set<Long> shopIds = page.getContent().stream().map(Order::shopId).collect(Collectors.toSet());
        Map<Long, Shop> byId = shopService.byId(shopIds);
        return new PagedModel<>(page.map(o -> OrderView.summary(o, byId.get(o.shopId()))));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "One order with its lines, parcels and tracking events")
    OrderView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        Order order = orders.get(user, id);
        return OrderView.detail(order, shopService.get(user.cooperativeId(), order.shopId()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COOP_ADMIN')")
    @Operation(summary = "Enter a paid order by hand, for one of the cooperative's shops")
    OrderView create(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody NewOrderRequest request) {
        Shop shop = shopService.find(user.cooperativeId(), request.shopId())
                .orElseThrow(() -> new InvalidFieldException("shopId", "no shop " + request.shopId()
                        + " in this cooperative"));
        if (request.paidAt().isAfter(clock.instant().plus(OrderSheetReader.CLOCK_TOLERANCE))) {
            // the same rule as the spreadsheets': a payment in the future is a typo in the year or the date
            throw new InvalidFieldException("paidAt", "is in the future; check the year and the date");
        }
        if (request.shipBy() != null && request.shipBy().isBefore(request.paidAt())) {
            throw new InvalidFieldException("shipBy", "the ship-by deadline is before the order was paid");
        }
        long total = request.lines().stream().mapToLong(NewOrderRequest.Line::amountFen).sum();
        CanonicalOrder incoming = new CanonicalOrder(shop.platform(), shop.platformShopId(), request.platformOrderId(),
                PlatformOrderStatus.PAID, request.paidAt(), request.paidAt(), request.paidAt(), request.shipBy(),
                request.lines().stream().map(l -> new OrderLine(l.platformSku(), l.title(), l.quantity(),
                        l.amountFen())).toList(),
                total, request.buyerProvince(), request.buyerCity(), "");
        Order order = orders.place(shop, incoming, user.getUsername());
        return OrderView.detail(order, shop);
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasRole('COOP_ADMIN')")
    @Operation(summary = "Move an order to another status, if that step is allowed")
    OrderView changeStatus(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                           @Valid @RequestBody StatusChangeRequest request) {
        Order order = orders.changeStatusByHand(user.cooperativeId(), id, request.status(), request.note(),
                request.carrier(), request.waybillNumber(), user.getUsername());
        return OrderView.detail(order, shopService.get(user.cooperativeId(), order.shopId()));
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('COOP_ADMIN')")
    @Operation(summary = "Make the parcels of an order that needed attention again, e.g. after mapping its SKUs")
    OrderView retry(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        Order order = orders.retry(user.cooperativeId(), id, user.getUsername());
        return OrderView.detail(order, shopService.get(user.cooperativeId(), order.shopId()));
    }

    private static OrderFilter.Box box(String bbox) {
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw new InvalidFieldException("bbox", "must be minLon,minLat,maxLon,maxLat");
        }
        try {
            double minLon = Double.parseDouble(parts[0].strip());
            double minLat = Double.parseDouble(parts[1].strip());
            double maxLon = Double.parseDouble(parts[2].strip());
            double maxLat = Double.parseDouble(parts[3].strip());
            // written so that NaN, which compares false with everything, fails it too
            if (!(minLon < maxLon && minLat < maxLat && minLon >= -180 && maxLon <= 180 && minLat >= -90
                    && maxLat <= 90)) {
                throw new InvalidFieldException("bbox", "must be minLon,minLat,maxLon,maxLat with min < max, in range");
            }
            return new OrderFilter.Box(minLon, minLat, maxLon, maxLat);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("bbox", "must be four numbers: minLon,minLat,maxLon,maxLat");
        }
    }
}
