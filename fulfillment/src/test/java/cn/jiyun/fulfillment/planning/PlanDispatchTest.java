package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Orders;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Api;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Plans that hold what may wait: the policy of a request and of the cooperative, held parcels, the evening plan. */
@H2gisTest
class PlanDispatchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orderService;
    @Autowired
    Orders orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EveningPlans eveningPlans;

    Cooperative coop;
    JiyunUser admin;
    Hub hub;
    Shop shop;
    final LocalDate tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1);
    final List<Order> dueTomorrow = new ArrayList<>();
    final List<Order> canWait = new ArrayList<>();

    @BeforeEach
    void threeFarmsWithParcelsDueTomorrowAndThreeWithParcelsThatCanWait() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        hub = fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        fixtures.vehicle(coop, hub);
        shop = fixtures.shop(coop, Platform.DOUYIN, null);
        for (int i = 0; i < 3; i++) {
            Producer producer = fixtures.producer(coop, "枸杞园 " + i, 105.60 + 0.03 * i, 37.45 + 0.02 * (i % 3));
            dueTomorrow.add(order(producer, tomorrow));
        }
        for (int i = 0; i < 3; i++) {
            Producer producer = fixtures.producer(coop, "远处枸杞园 " + i, 105.90 + 0.03 * i, 37.20 + 0.02 * i);
            canWait.add(order(producer, tomorrow.plusDays(3)));
        }
    }

    /** One parcel, paid an hour ago, to ship by 22:00 on {@code shipByDay} (after every hub's cut-off). */
    private Order order(Producer producer, LocalDate shipByDay) {
        String sku = fixtures.sku(coop, shop, producer, 650);
        Instant paid = Instant.now().minus(Duration.ofHours(1));
        Instant shipBy = shipByDay.atTime(22, 0).atZone(ChinaTime.ZONE).toInstant();
        return orderService.place(shop, new CanonicalOrder(shop.platform(), shop.platformShopId(),
                "o" + Fixtures.unique(), PlatformOrderStatus.PAID, paid, paid, paid, shipBy,
                List.of(new OrderLine(sku, "中宁枸杞 500g", 1, 6_800L)), 6_800L, "广东省", "深圳市", ""), "test");
    }

    private long startPlan(String extra) throws Exception {
        String body = mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1, \"seconds\": 2, \"firstDay\": \"%s\"%s}"
                                .formatted(hub.id(), tomorrow, extra)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JsonPath.parse(body).read("$.id", Long.class);
    }

    private DocumentContext awaitDone(long planId) throws Exception {
        return Api.awaitPlanDone(mvc, admin, planId);
    }

    private static List<Long> parcelIds(List<Order> of) {
        return of.stream().flatMap(o -> o.parcels().stream()).map(p -> p.id()).toList();
    }

    private static List<Long> longs(List<Number> numbers) {
        return numbers.stream().map(Number::longValue).toList();
    }

    @Test
    void heldParcelsAreListedWithTheirLastDayStayAwaitingPickupAndComeBackInTheNextPlan() throws Exception {
        DocumentContext plan = awaitDone(startPlan(", \"policy\": \"lazy\""));

        assertThat(plan.<String>read("$.status")).isEqualTo("DONE");
        assertThat(plan.<String>read("$.policy")).isEqualTo("lazy");
        assertThat(longs(plan.read("$.routes[*].stops[*].parcels[*].id")))
                .containsExactlyInAnyOrderElementsOf(parcelIds(dueTomorrow));
        assertThat(longs(plan.read("$.held[*].parcelId"))).containsExactlyInAnyOrderElementsOf(parcelIds(canWait));
        assertThat(plan.<List<String>>read("$.held[*].lastDay")).containsOnly(tomorrow.plusDays(3).toString());
        assertThat(plan.<List<String>>read("$.held[*].reason")).allMatch(reason -> reason.contains("lazy"));
        // what holding saves: the same parcels all collected now, priced beside this plan
        assertThat(plan.<Number>read("$.savings.collectingEverythingNow.parcels").intValue()).isEqualTo(6);
        assertThat(plan.<Number>read("$.savings.holdingSavesPerParcelYuan")).isNotNull();
        assertThat(plan.<Number>read("$.savings.ambientPickupFeeFen").longValue()).isEqualTo(500);
        assertThat(plan.<Number>read("$.savings.chilledPickupFeeFen").longValue()).isEqualTo(1200);

        long planId = plan.<Number>read("$.id").longValue();
        mvc.perform(post("/api/plans/{id}/approve", planId).with(as(admin))).andExpect(status().isOk());
        dueTomorrow.forEach(o -> assertThat(orders.findById(o.id()).orElseThrow().status())
                .isEqualTo(OrderStatus.PLANNED));
        canWait.forEach(o -> assertThat(orders.findById(o.id()).orElseThrow().status())
                .isEqualTo(OrderStatus.AWAITING_PICKUP));

        DocumentContext next = awaitDone(startPlan(", \"policy\": \"greedy\""));
        assertThat(longs(next.read("$.routes[*].stops[*].parcels[*].id")))
                .containsExactlyInAnyOrderElementsOf(parcelIds(canWait));
        assertThat(next.<List<Object>>read("$.held")).isEmpty();
    }

    @Test
    void theCooperativesPolicyIsThePlansDefaultAndARequestMayNameAnother() throws Exception {
        mvc.perform(put("/api/planning/settings").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"policy": "lazy", "holdingCostPerParcelDayFen": 80, "courierRemainder": false,
                                 "eveningPlanDays": 1}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.policy").value("lazy"))
                .andExpect(jsonPath("$.holdingCostPerParcelDayFen").value(80));

        DocumentContext byDefault = awaitDone(startPlan(""));
        assertThat(byDefault.<String>read("$.policy")).isEqualTo("lazy");
        assertThat(byDefault.<List<Number>>read("$.held[*].holdingCostFen")).allMatch(fen -> fen.longValue() == 80);

        DocumentContext greedy = awaitDone(startPlan(", \"policy\": \"greedy\""));
        assertThat(greedy.<String>read("$.policy")).isEqualTo("greedy");
        assertThat(greedy.<List<Object>>read("$.held")).isEmpty();
    }

    @Test
    void aShortPlanCannotSampleFuturesAndSaysWhichPolicyItUsed() throws Exception {
        DocumentContext plan = awaitDone(startPlan(", \"policy\": \"scenario\""));

        // two seconds: the scenario policy needs five, so the planner's holding price decides
        assertThat(plan.<String>read("$.policy")).isEqualTo("holding");
    }

    @Test
    void refusesAnUnknownPolicyAndBadSettingsNamingTheField() throws Exception {
        mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1, \"policy\": \"sometimes\"}".formatted(hub.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("policy"));
        mvc.perform(put("/api/planning/settings").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"policy": "greedy", "holdingCostPerParcelDayFen": -1, "courierRemainder": false,
                                 "eveningPlanDays": 1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("holdingCostPerParcelDayFen"));
        mvc.perform(get("/api/planning/settings").with(as(fixtures.user(coop, Role.COURIER))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan WHERE cooperative_id = :c").param("c", coop.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theEveningPlanPlansTomorrowForEachHubOnceAnEvening() throws Exception {
        Hub second = fixtures.hub(coop, "吴忠集散中心", 106.20, 37.99);
        fixtures.vehicle(coop, second);
        mvc.perform(put("/api/planning/settings").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"policy": "greedy", "holdingCostPerParcelDayFen": 50, "courierRemainder": false,
                                 "eveningPlanAt": "%s", "eveningPlanDays": 1, "eveningPlanSeconds": 1}"""
                                .formatted(LocalTime.MIDNIGHT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.eveningPlanAt").value("00:00:00"));

        eveningPlans.planWhatIsDue();
        eveningPlans.planWhatIsDue();

        List<String> made = jdbc.sql("""
                        SELECT hub_ids || '@' || first_day FROM plan
                        WHERE cooperative_id = :c AND created_by = 'evening plan'""")
                .param("c", coop.id()).query(String.class).list();
        assertThat(made).containsExactlyInAnyOrder(hub.id() + "@" + tomorrow, second.id() + "@" + tomorrow);
    }
}
