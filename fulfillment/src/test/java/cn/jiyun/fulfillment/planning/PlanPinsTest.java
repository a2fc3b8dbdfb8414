package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.fleet.Vehicle;
import cn.jiyun.fulfillment.fleet.Vehicles;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.planning.PlanningService.Pin;
import cn.jiyun.fulfillment.planning.PlanningService.PlanRequest;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stops a person pins reach the planner, which keeps them where they were pinned. */
@H2gisTest
class PlanPinsTest {

    @Autowired
    PlanningService planning;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Vehicles vehicles;
    @Autowired
    MockMvc mvc;

    Cooperative coop;
    Hub hub;
    List<Producer> producers = new ArrayList<>();
    List<Vehicle> fleet;
    final LocalDate tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1);

    @BeforeEach
    void twoVansAndSixProducers() {
        coop = fixtures.cooperative();
        hub = fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        fixtures.vehicle(coop, hub);
        fixtures.vehicle(coop, hub);
        fleet = vehicles.findByCooperativeId(coop.id(), Pageable.unpaged()).getContent();
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        for (int i = 0; i < 6; i++) {
            Producer producer = fixtures.producer(coop, "枸杞园 " + i, 105.60 + 0.03 * i, 37.45 + 0.02 * (i % 3));
            producers.add(producer);
            fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 2);
        }
    }

    @Test
    void aStopPinnedToARouteIsOnThatRouteAtThatPlace() throws Exception {
        // six light parcels fit one van; the pins put two stops on each van, in the order given
        Vehicle first = fleet.get(0);
        Vehicle second = fleet.get(1);
        List<Pin> pins = List.of(
                new Pin(producers.get(5).id(), second.id(), tomorrow, 0),
                new Pin(producers.get(0).id(), second.id(), tomorrow, 1),
                new Pin(producers.get(3).id(), first.id(), tomorrow, 0));
        Plan plan = planning.start(coop.id(), new PlanRequest(List.of(hub.id()), 1, BigDecimal.valueOf(2), tomorrow, pins), "test");
        PlanView done = awaitDone(plan.id());

        assertThat(done.status()).isEqualTo(PlanStatus.DONE);
        PlanView.RouteView onSecond = route(done, second);
        assertThat(onSecond.day()).isEqualTo(tomorrow);
        assertThat(onSecond.stops().subList(0, 2)).extracting(s -> s.producer().id(), PlanView.StopView::pinned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(producers.get(5).id(), true),
                        org.assertj.core.groups.Tuple.tuple(producers.get(0).id(), true));
        PlanView.StopView firstOnFirst = route(done, first).stops().get(0);
        assertThat(firstOnFirst.producer().id()).isEqualTo(producers.get(3).id());
        assertThat(firstOnFirst.pinned()).isTrue();
        assertThat(done.routes().stream().flatMap(r -> r.stops().stream()).filter(PlanView.StopView::pinned))
                .hasSize(3);
    }

    @Test
    void aStopPinnedToADayIsOnSomeRouteOfThatDay() throws Exception {
        LocalDate second = tomorrow.plusDays(1);
        Producer pinned = producers.get(2);
        Plan plan = planning.start(coop.id(), new PlanRequest(List.of(hub.id()), 2, BigDecimal.valueOf(2), tomorrow,
                List.of(new Pin(pinned.id(), null, second, 0))), "test");
        PlanView done = awaitDone(plan.id());

        assertThat(done.status()).isEqualTo(PlanStatus.DONE);
        List<PlanView.RouteView> visiting = done.routes().stream()
                .filter(r -> r.stops().stream().anyMatch(s -> s.producer().id().equals(pinned.id()))).toList();
        assertThat(visiting).singleElement().extracting(PlanView.RouteView::day).isEqualTo(second);
        assertThat(visiting.get(0).stops().stream().filter(s -> s.producer().id().equals(pinned.id())))
                .allMatch(PlanView.StopView::pinned);
    }

    @Test
    void theApiTakesPinsToo() throws Exception {
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        Vehicle second = fleet.get(1);
        String body = mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"hubIds": [%d], "days": 1, "seconds": 2, "firstDay": "%s",
                                 "pins": [{"producerId": %d, "vehicleId": %d, "day": "%s", "position": 0}]}"""
                                .formatted(hub.id(), tomorrow, producers.get(4).id(), second.id(), tomorrow)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        PlanView done = awaitDone(JsonPath.parse(body).read("$.id", Long.class));

        PlanView.StopView first = route(done, second).stops().get(0);
        assertThat(first.producer().id()).isEqualTo(producers.get(4).id());
        assertThat(first.pinned()).isTrue();
    }

    @Test
    void refusesAPinOutsideTheProblem() {
        Hub elsewhere = fixtures.hub(fixtures.cooperative(), "别家站", 105.68, 37.49);
        assertThatThrownBy(() -> planning.start(coop.id(), new PlanRequest(List.of(hub.id()), 1, BigDecimal.ONE, tomorrow,
                List.of(new Pin(producers.get(0).id(), fleet.get(0).id(), tomorrow.plusDays(1), 0))), "test"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("outside the plan's days");
        assertThatThrownBy(() -> planning.start(coop.id(), new PlanRequest(List.of(hub.id()), 1, BigDecimal.ONE, tomorrow,
                List.of(new Pin(producers.get(0).id(), elsewhere.id() + 10_000, tomorrow, 0))), "test"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("vehicle");
    }

    private static PlanView.RouteView route(PlanView plan, Vehicle vehicle) {
        return plan.routes().stream().filter(r -> r.vehicle().id().equals(vehicle.id())).findFirst().orElseThrow();
    }

    private PlanView awaitDone(Long planId) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        PlanView view = planning.view(coop.id(), planId);
        while (view.status() == PlanStatus.SOLVING && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            view = planning.view(coop.id(), planId);
        }
        return view;
    }
}
