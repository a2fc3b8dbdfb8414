package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders that arrive or are cancelled while a plan is solving reach the running planner. */
@H2gisTest
class PlanProblemChangesTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    PlanningService planning;
    @Autowired
    OrderService orders;
    @Autowired
    JdbcClient jdbc;

    @Test
    void addsArrivingOrdersAndTakesOutCancelledOnesWhileSolving() throws Exception {
        Cooperative coop = fixtures.cooperative();
        Hub hub = fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        fixtures.vehicle(coop, hub);
        fixtures.vehicle(coop, hub);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        List<String> skus = new ArrayList<>();
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Producer producer = fixtures.producer(coop, "枸杞园 " + i, 105.60 + 0.03 * i, 37.45 + 0.02 * (i % 3));
            skus.add(fixtures.sku(coop, shop, producer, 650));
            placed.add(fixtures.paidOrder(shop, skus.get(i), 1));
        }
        LocalDate tomorrow = LocalDate.now(cn.jiyun.fulfillment.ChinaTime.ZONE).plusDays(1);
        Plan plan = planning.start(coop.id(), new PlanningService.PlanRequest(List.of(hub.id()), 1, BigDecimal.valueOf(120), tomorrow),
                "test");
        Long planId = plan.id();
        Set<Long> cancelledParcels = parcelIds(placed.get(0));
        awaitBest(coop, planId, planned -> planned.containsAll(cancelledParcels));

        Order arriving = fixtures.paidOrder(shop, skus.get(3), 2);
        Set<Long> arrivingParcels = parcelIds(arriving);
        orders.changeStatus(coop.id(), placed.get(0).id(), OrderStatus.CANCELLED, "buyer cancelled", null, null,
                "test");

        // the new order's parcel joins the running plan (it could only get there as a problem change) and the
        // cancelled one leaves it. The plan in progress shows a change only once the solver reports a new best,
        // which an already good plan may not do soon (a parcel joining a visit in place is no improvement), so
        // wait a while for it, then stop: the stored plan must have both changes.
        awaitBestOrGoOn(coop, planId, planned -> planned.containsAll(arrivingParcels));
        planning.stop(coop.id(), planId);
        awaitDone(coop, planId);

        PlanView stored = planning.view(coop.id(), planId);
        assertThat(plannedParcels(stored)).containsAll(arrivingParcels).doesNotContainAnyElementsOf(cancelledParcels);
        assertThat(stored.unassigned()).noneMatch(u -> cancelledParcels.contains(u.parcelId()));
        // the new parcel rides with its producer's existing visit instead of a second stop at the same farm
        Long farm = jdbc.sql("SELECT producer_id FROM parcel WHERE order_id = ?").param(arriving.id())
                .query(Long.class).single();
        assertThat(stored.routes().stream().flatMap(r -> r.stops().stream())
                .filter(stop -> stop.producer().id().equals(farm))).hasSize(1);
    }

    private Set<Long> parcelIds(Order order) {
        return Set.copyOf(jdbc.sql("SELECT id FROM parcel WHERE order_id = ?").param(order.id()).query(Long.class)
                .list());
    }

    private static Set<Long> plannedParcels(PlanView view) {
        return view.routes().stream().flatMap(r -> r.stops().stream()).flatMap(s -> s.parcels().stream())
                .map(PlanView.ParcelRef::id).collect(Collectors.toSet());
    }

    /** Waits (bounded) until the running plan's best solution satisfies the condition. */
    private void awaitBest(Cooperative coop, Long planId, Predicate<Set<Long>> condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        Set<Long> planned = Set.of();
        while (Instant.now().isBefore(giveUp)) {
            planned = plannedParcels(planning.view(coop.id(), planId));
            if (condition.test(planned)) {
                return;
            }
            Thread.sleep(100);
        }
        PlanView v = planning.view(coop.id(), planId);
        throw new AssertionError("the running plan never got there; it plans parcels " + planned + " routes "
                + v.routes().stream().map(r -> r.stops().stream().map(st -> st.producer().id() + ":" + st.parcels()
                .stream().map(PlanView.ParcelRef::id).toList()).toList()).toList() + " unassigned " + v.unassigned());
    }

    /** Waits up to 10 s for the running plan's best solution to satisfy the condition; goes on either way. */
    private void awaitBestOrGoOn(Cooperative coop, Long planId, Predicate<Set<Long>> condition)
            throws InterruptedException {
        Instant goOn = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(goOn) && !condition.test(plannedParcels(planning.view(coop.id(), planId)))) {
            Thread.sleep(100);
        }
    }

    private void awaitDone(Cooperative coop, Long planId) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (planning.view(coop.id(), planId).status() == PlanStatus.SOLVING && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(planning.view(coop.id(), planId).status()).isEqualTo(PlanStatus.DONE);
    }
}
