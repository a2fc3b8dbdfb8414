package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Api;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class PlanApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Cooperative coop;
    JiyunUser admin;
    Hub hub;
    List<Order> orders = new ArrayList<>();
    final LocalDate tomorrow = LocalDate.now(cn.jiyun.fulfillment.ChinaTime.ZONE).plusDays(1);

    @BeforeEach
    void cooperativeWithParcelsAwaitingPickup() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        hub = fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        fixtures.vehicle(coop, hub);
        fixtures.vehicle(coop, hub);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        for (int i = 0; i < 6; i++) {
            Producer producer = fixtures.producer(coop, "枸杞园 " + i, 105.60 + 0.03 * i, 37.45 + 0.02 * (i % 3));
            orders.add(fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 2));
        }
    }

    private long startPlan(Number seconds) throws Exception {
        String body = mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1, \"seconds\": %s, \"firstDay\": \"%s\"}"
                                .formatted(hub.id(), seconds, tomorrow)))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.parcels").value(6))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.parse(body).read("$.id", Long.class);
    }

    private DocumentContext awaitDone(long planId) throws Exception {
        return Api.awaitPlanDone(mvc, admin, planId);
    }

    @Test
    void plansEveryParcelIntoRoutesWithCostsAndSavingsThenApprovesThem() throws Exception {
        long planId = startPlan(3);
        DocumentContext plan = awaitDone(planId);

        assertThat(plan.<String>read("$.status")).isEqualTo("DONE");
        assertThat(plan.<Boolean>read("$.feasible")).isTrue();
        assertThat(plan.<List<Object>>read("$.unassigned")).isEmpty();
        List<Integer> planned = plan.read("$.routes[*].stops[*].parcels[*].id");
        Set<Long> expected = new HashSet<>();
        orders.forEach(o -> o.parcels().forEach(p -> expected.add(p.id())));
        assertThat(planned.stream().map(Integer::longValue).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(plan.<Number>read("$.cost").longValue()).isPositive();
        assertThat(plan.<Number>read("$.routes[0].id")).isNotNull();
        assertThat(plan.<String>read("$.routes[0].day")).isEqualTo(tomorrow.toString());
        assertThat(plan.<Number>read("$.savings.plan.parcels").intValue()).isEqualTo(6);
        assertThat(plan.<Number>read("$.savings.perParcelPickup.costFen").longValue())
                .isEqualTo(plan.<Number>read("$.baselineCost").longValue());

        mvc.perform(post("/api/plans/{id}/approve", planId).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE cooperative_id = :c AND status = 'PLANNED'")
                .param("c", coop.id()).query(Long.class).single()).isEqualTo(6);
        mvc.perform(post("/api/plans/{id}/approve", planId).with(as(admin))).andExpect(status().isConflict());

        long routeId = plan.<Number>read("$.routes[0].id").longValue();
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        mvc.perform(put("/api/plans/{id}/routes/{routeId}/courier", planId, routeId).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"courierUserId\": " + courier.userId() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.courierUserId").value(courier.userId()));
        mvc.perform(put("/api/plans/{id}/routes/{routeId}/courier", planId, routeId).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"courierUserId\": " + fixtures.user(coop, Role.SELLER).userId() + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("courierUserId"));
    }

    @Test
    void answersAQuickRequestWithinTheSecondItAskedFor() throws Exception {
        long planId = startPlan(0.9);
        DocumentContext plan = awaitDone(planId);

        assertThat(plan.<String>read("$.status")).isEqualTo("DONE");
        assertThat(plan.<Number>read("$.seconds").doubleValue()).isEqualTo(0.9);
        assertThat(plan.<List<Object>>read("$.unassigned")).isEmpty();
        assertThat(plan.<Boolean>read("$.feasible")).isTrue();
        // shorter than half a second is refused: the matrix and the construction alone take some of it
        mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1, \"seconds\": 0.1}".formatted(hub.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("seconds"));
    }

    @Test
    void stopsSolvingEarlyOnRequest() throws Exception {
        long planId = startPlan(600);
        mvc.perform(post("/api/plans/{id}/stop", planId).with(as(admin))).andExpect(status().isAccepted());

        DocumentContext plan = awaitDone(planId);
        assertThat(plan.<String>read("$.status")).isEqualTo("DONE");
        mvc.perform(post("/api/plans/{id}/stop", planId).with(as(admin))).andExpect(status().isConflict());
    }

    @Test
    void refusesBadRequestsAndOtherCooperatives() throws Exception {
        mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 4}".formatted(hub.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [], \"days\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hubIds"));
        Hub theirs = fixtures.hub(fixtures.cooperative(), "别家站", 105.68, 37.49);
        mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1}".formatted(theirs.id())))
                // another cooperative's hub is a bad field of the request, answered as one it does not have
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hubIds"));
        mvc.perform(post("/api/plans").with(as(fixtures.user(coop, Role.COURIER))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1}".formatted(hub.id())))
                .andExpect(status().isForbidden());

        long planId = startPlan(1);
        awaitDone(planId);
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/api/plans/{id}", planId).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/api/plans/{id}/approve", planId).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void leavesOutACancelledOrderThatArrivesWhileSolving() throws Exception {
        long planId = startPlan(5);
        Order cancelled = orders.get(0);
        mvc.perform(post("/api/orders/{id}/status", cancelled.id()).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"CANCELLED\", \"note\": \"买家取消\"}")).andExpect(status().isOk());

        DocumentContext plan = awaitDone(planId);
        List<Integer> planned = plan.read("$.routes[*].stops[*].parcels[*].id");
        assertThat(planned.stream().map(Integer::longValue).toList())
                .doesNotContain(cancelled.parcels().get(0).id())
                .hasSize(5);
    }
}
