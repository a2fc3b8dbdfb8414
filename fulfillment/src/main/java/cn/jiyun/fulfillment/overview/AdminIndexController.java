package cn.jiyun.fulfillment.overview;

import cn.jiyun.fulfillment.admin.AdminPage;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.intake.DeadLetterEntry;
import cn.jiyun.fulfillment.intake.DeadLetterService;
import cn.jiyun.fulfillment.orders.OrderFilter;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.writeback.WriteBack;
import cn.jiyun.fulfillment.writeback.WriteBackQueue;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's start page: how many of each record the cooperative keeps, and what waits for a person. */
@Controller
@AdminPage
class AdminIndexController {

    /** What the index counts; the {@code waiting} ones are shown as needing a person when above zero. */
    record Counts(long producers, long hubs, long vehicles, long shops, long shopsNeedingReauthorisation,
                  long ordersNeedingAttention, long openDeadLetters, long failedWriteBacks) {
    }

    private static final Pageable ONE = PageRequest.of(0, 1);
    private static final int MAX_SHOPS = 500;

    private final ProducerService producers;
    private final HubService hubs;
    private final VehicleService vehicles;
    private final ShopService shops;
    private final OrderService orders;
    private final DeadLetterService deadLetters;
    private final WriteBackQueue writeBacks;

    AdminIndexController(ProducerService producers, HubService hubs, VehicleService vehicles, ShopService shops,
                         OrderService orders, DeadLetterService deadLetters, WriteBackQueue writeBacks) {
        this.producers = producers;
        this.hubs = hubs;
        this.vehicles = vehicles;
        this.shops = shops;
        this.orders = orders;
        this.deadLetters = deadLetters;
        this.writeBacks = writeBacks;
    }

    @GetMapping("/admin")
    @Transactional(readOnly = true)
    String index(@AuthenticationPrincipal JiyunUser user, Model model) {
        Long cooperative = user.cooperativeId();
        var allShops = shops.list(user, PageRequest.of(0, MAX_SHOPS));
        long needingReauthorisation = allShops.getContent().stream()
                .filter(s -> s.authorisation() == Shop.Authorisation.NEEDS_REAUTHORISATION).count();
        model.addAttribute("counts", new Counts(
                producers.list(cooperative, null, ONE).getTotalElements(),
                hubs.list(cooperative, ONE).getTotalElements(),
                vehicles.list(cooperative, null, ONE).getTotalElements(),
                allShops.getTotalElements(),
                needingReauthorisation,
                orders.list(user, OrderFilter.withStatus(OrderStatus.NEEDS_ATTENTION), ONE).getTotalElements(),
                deadLetters.list(cooperative, DeadLetterEntry.Status.OPEN, ONE).getTotalElements(),
                writeBacks.list(cooperative, WriteBack.Status.FAILED, ONE).getTotalElements()));
        return "admin/index";
    }
}
