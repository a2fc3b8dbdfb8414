package cn.jiyun.fulfillment.orders.web;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderFilter;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Orders;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.integrations.Platform;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The orders that wait for a person, with why, and a retry for one or all of them (e.g. once their
 * SKUs are mapped): the same {@link OrderService#retry} as the API's.
 */
@Controller
@AdminPage
@RequestMapping("/admin/attention")
class AttentionPagesController {

    private static final int PAGE_SIZE = 50;
    /** Retry all takes at most this many at once, so one click cannot hold the store for long. */
    private static final int RETRY_ALL_LIMIT = 500;
    private static final String UNMAPPED = "no producer mapped for SKU ";

    /**
     * An order needing attention as a row: {@code unmappedSkus} when it waits for SKU mappings, else
     * the reason in the admin's words when it is one the service gives ({@code reasonCode}), else as written.
     */
    record Row(Long id, Platform platform, String platformOrderId, Long shopId, String shop, Instant paidAt,
               Instant shipBy, String reason, List<String> unmappedSkus, String reasonCode, List<Object> reasonArgs) {
        static Row of(Order o, Map<Long, String> shopNames) {
            String reason = o.attentionReason() == null ? "" : o.attentionReason();
            List<String> unmapped = reason.startsWith(UNMAPPED)
                    ? Arrays.stream(reason.substring(UNMAPPED.length()).split(",\\s*")).toList() : List.of();
            String code = null;
            List<Object> args = List.of();
            for (Map.Entry<String, Pattern> known : KNOWN_REASONS.entrySet()) {
                Matcher m = known.getValue().matcher(reason);
                if (m.lookingAt()) {
                    code = known.getKey();
                    args = m.groupCount() == 0 ? List.of() : List.of(m.group(1));
                }
            }
            return new Row(o.id(), o.platform(), o.platformOrderId(), o.shopId(), shopNames.get(o.shopId()),
                    o.paidAt(), o.shipBy(), reason, unmapped, code, args);
        }

        public Object[] reasonArgArray() {
            return reasonArgs.toArray();
        }
    }

    /** The reasons {@link OrderService} writes, by the message key that words them for the admin. */
    private static final Map<String, Pattern> KNOWN_REASONS = Map.of(
            "admin.attention.reason.cancelledAfterPickup", Pattern.compile("cancelled on \\w+ after pickup"),
            "admin.attention.reason.shippedElsewhere", Pattern.compile("shipped on \\w+ without Jiyun"),
            "admin.attention.reason.tooHeavy", Pattern.compile("the parcel at producer \\d+ would weigh (\\d+) kg"));

    private final OrderService orders;
    private final Orders store;
    private final ShopService shops;
    private final TransactionTemplate tx;

    AttentionPagesController(OrderService orders, Orders store, ShopService shops, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.store = store;
        this.shops = shops;
        this.tx = new TransactionTemplate(transactions);
    }

    @GetMapping
    String list(@AuthenticationPrincipal JiyunUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<Long, String> shopNames = shops.list(user, PageRequest.of(0, 1_000)).getContent().stream()
                .collect(Collectors.toMap(Shop::id, Shop::name));
        Page<Order> waiting = orders.list(user, OrderFilter.withStatus(OrderStatus.NEEDS_ATTENTION),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("paidAt", "id")));
        model.addAttribute("page", waiting.map(o -> Row.of(o, shopNames)));
        return "admin/attention";
    }

    @PostMapping("/{id:\\d+}/retry")
    String retry(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            Order order = orders.retry(user.cooperativeId(), id, user.getUsername());
            if (order.status() == OrderStatus.NEEDS_ATTENTION) {
                Notice.refused(redirect, "admin.attention.stillWaiting", order.platformOrderId(), order.attentionReason());
            } else {
                Notice.done(redirect, "admin.attention.movedOn", order.platformOrderId());
            }
        } catch (ConflictException refused) {
            Order order = orders.get(user.cooperativeId(), id);
            if (order.status() == OrderStatus.NEEDS_ATTENTION) {
                // cancelled or shipped on the platform, or collected already: making parcels again would do harm
                Notice.refused(redirect, "admin.attention.needsPerson", order.platformOrderId());
            } else {
                Notice.refused(redirect, "admin.attention.notWaiting");
            }
        }
        return "redirect:/admin/attention";
    }

    /**
     * Retries every order that waits for a SKU mapping, each in its own transaction as the mapping
     * sweep does; orders waiting for other reasons (a cancellation after pickup...) need a person each.
     */
    @PostMapping("/retry-all")
    String retryAll(@AuthenticationPrincipal JiyunUser user, RedirectAttributes redirect) {
        List<Long> ids = orders.list(user, OrderFilter.withStatus(OrderStatus.NEEDS_ATTENTION),
                        PageRequest.of(0, RETRY_ALL_LIMIT, Sort.by("paidAt", "id")))
                .map(Order::id).getContent();
        int movedOn = 0;
        for (Long id : ids) {
            Boolean moved = tx.execute(status -> store.findByIdAndCooperativeId(id, user.cooperativeId())
                    .map(order -> orders.retryIfWaitingForMapping(order, user.getUsername())).orElse(false));
            if (Boolean.TRUE.equals(moved)) {
                movedOn++;
            }
        }
        Notice.done(redirect, "admin.attention.retriedAll", ids.size(), movedOn, ids.size() - movedOn);
        return "redirect:/admin/attention";
    }
}
