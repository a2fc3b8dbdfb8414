package cn.jiyun.fulfillment.board;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class BoardPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orderService;
    @Autowired
    Orders orders;

    Cooperative coop;
    JiyunUser admin;
    Hub zhongning;
    Hub yanchi;
    Shop shop;
    List<Producer> nearZhongning = new ArrayList<>();
    Producer nearYanchi;
    List<Order> placed = new ArrayList<>();

    @BeforeEach
    void twoHubsWithProducersAndParcels() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        zhongning = fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        yanchi = fixtures.hub(coop, "盐池集散中心", 107.40, 37.78);
        fixtures.vehicle(coop, zhongning);
        shop = fixtures.shop(coop, Platform.DOUYIN, null);
        for (int i = 0; i < 3; i++) {
            Producer producer = fixtures.producer(coop, "枸杞园" + i + "号", 105.60 + 0.03 * i, 37.45 + 0.02 * i);
            nearZhongning.add(producer);
            placed.add(fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 2));
        }
        nearYanchi = fixtures.producer(coop, "滩羊场", 107.35, 37.75);
        placed.add(order(nearYanchi, 5_000, Duration.ofDays(5)));
    }

    /** A paid order of one unit of {@code grams} from the producer, due to ship {@code shipIn} from now. */
    private Order order(Producer producer, int grams, Duration shipIn) {
        String sku = fixtures.sku(coop, shop, producer, grams);
        Instant paid = Instant.now().minus(Duration.ofHours(1));
        return orderService.place(shop, new CanonicalOrder(shop.platform(), shop.platformShopId(),
                "o" + Fixtures.unique(), PlatformOrderStatus.PAID, paid, paid, paid, Instant.now().plus(shipIn),
                List.of(new OrderLine(sku, "滩羊肉", 1, 9_900L)), 9_900L, "广东省", "深圳市", ""), "test");
    }

    @Test
    void adminSeesTheCooperativesHubsProducersAndWaitingParcelsOnly() throws Exception {
        Cooperative other = fixtures.cooperative();
        fixtures.hub(other, "别家集散点", 106.0, 37.0);
        fixtures.producer(other, "别家农户", 106.01, 37.01);

        String page = mvc.perform(get("/board").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("揽收规划", "枸杞园0号", "枸杞园2号", "滩羊场", "中宁集散中心", "id=\"plan-form\"",
                        "id=\"board-map\"", "/webjars/leaflet/leaflet.js", "/js/board.js", "lang=\"zh-CN\"")
                .contains("4 户农户，4 件包裹")
                .doesNotContain("别家农户", "别家集散点");

        DocumentContext producers = json(get("/board/producers"));
        assertThat(producers.<List<String>>read("$[*].name"))
                .containsExactlyInAnyOrder("枸杞园0号", "枸杞园1号", "枸杞园2号", "滩羊场");
        assertThat(producers.<List<Number>>read("$[?(@.name == '滩羊场')].kg").get(0).doubleValue()).isEqualTo(5.0);
        assertThat(producers.<List<Number>>read("$[?(@.name == '枸杞园1号')].parcels").get(0).intValue())
                .isEqualTo(1);
        assertThat(producers.<List<Number>>read("$[?(@.name == '滩羊场')].hubId").get(0).longValue())
                .isEqualTo(yanchi.id());
        assertThat(json(get("/board/hubs")).<List<String>>read("$[*].name"))
                .containsExactly("中宁集散中心", "盐池集散中心");

        assertThat(mvc.perform(get("/board").param("lang", "en").with(user(admin)))
                .andReturn().getResponse().getContentAsString()).contains("Planning board", "Start planning");
    }

    @Test
    void filtersProducersByNearestHubAndWaitingParcelsByShipByDay() throws Exception {
        assertThat(json(get("/board/producers").param("hubId", yanchi.id().toString()))
                .<List<String>>read("$[*].name")).containsExactly("滩羊场");
        assertThat(json(get("/board/producers").param("hubId", zhongning.id().toString()))
                .<List<String>>read("$[*].name")).containsExactlyInAnyOrder("枸杞园0号", "枸杞园1号", "枸杞园2号");

        // the mutton ships in five days, the goji in two: by the day after tomorrow only the goji is due
        String dayAfterTomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(2).toString();
        DocumentContext due = json(get("/board/producers").param("day", dayAfterTomorrow));
        assertThat(due.<List<Number>>read("$[?(@.name == '滩羊场')].parcels").get(0).intValue()).isZero();
        assertThat(due.<List<Number>>read("$[?(@.name == '枸杞园0号')].parcels").get(0).intValue()).isEqualTo(1);

        String page = mvc.perform(get("/board").param("hubId", yanchi.id().toString()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("滩羊场").doesNotContain("枸杞园0号");
        String byDay = mvc.perform(get("/board").param("day", dayAfterTomorrow).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byDay).contains("value=\"" + dayAfterTomorrow + "\"",
                "&amp;day=" + dayAfterTomorrow + "\"").doesNotContain("滩羊场");
    }

    @Test
    void plansFromTheBoardShowsTheResultAndApprovalMovesItsOrdersToPlanned() throws Exception {
        String location = mvc.perform(post("/board/plans").with(user(admin)).with(csrf())
                        .param("hubId", zhongning.id().toString()).param("days", "1").param("seconds", "2")
                        .param("policy", "greedy"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/board/plans/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long planId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        DocumentContext plan = awaitDone(planId);

        assertThat(plan.<String>read("$.status")).isEqualTo("DONE");
        assertThat(plan.<List<String>>read("$.routes[*].stops[*].producer"))
                .containsExactlyInAnyOrder("枸杞园0号", "枸杞园1号", "枸杞园2号");
        assertThat(plan.<List<Object>>read("$.routes[0].path")).hasSize(5);

        String page = mvc.perform(get(location).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("枸杞园0号", "已算好，等待批准", "id=\"plan-approve\"", "id=\"savings\"",
                "id=\"replan-form\"", "data-test=\"pin-route\"", "data-test=\"courier-select\"", "能装 1500 公斤");

        mvc.perform(post("/board/plans/{id}/approve", planId).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (Order order : placed.subList(0, 3)) {
            assertThat(orders.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PLANNED);
        }
        assertThat(orders.findById(placed.get(3).id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PICKUP);
        assertThat(mvc.perform(get(location).with(user(admin))).andReturn().getResponse().getContentAsString())
                .contains("已批准").doesNotContain("id=\"plan-approve\"");
        assertThat(mvc.perform(get("/board").with(user(admin))).andReturn().getResponse().getContentAsString())
                .contains("/board/plans/" + planId);
    }

    @Test
    void followsARunningPlanByServerSentEventsUntilItIsStopped() throws Exception {
        long planId = planFromTheBoard(600);
        String page = mvc.perform(get("/board/plans/{id}", planId).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("正在计算", "id=\"plan-stop\"",
                "data-events-url=\"/board/plans/" + planId + "/events\"");

        MvcResult events = mvc.perform(get("/board/plans/{id}/events", planId).with(user(admin)))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(post("/board/plans/{id}/stop", planId).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/board/plans/" + planId));
        events.getAsyncResult(60_000);
        String stream = events.getResponse().getContentAsString();
        assertThat(stream).startsWith("event:plan").contains("\"status\":\"SOLVING\"").contains("event:done");
        assertThat(awaitDone(planId).<String>read("$.status")).isEqualTo("DONE");
    }

    @Test
    void replansWithTheTickedStopPinnedToItsRoute() throws Exception {
        long planId = planFromTheBoard(1);
        DocumentContext plan = awaitDone(planId);
        long vehicleId = plan.<Number>read("$.routes[0].vehicleId").longValue();
        String day = plan.read("$.routes[0].day");
        List<String> order = plan.read("$.routes[0].stops[*].producer");
        // keep the route's last stop on its route: alone pinned, it becomes the route's first
        Producer last = nearZhongning.stream().filter(p -> p.name().equals(order.get(order.size() - 1)))
                .findFirst().orElseThrow();

        // the value of the checkbox the page offers for that stop, ticked
        String page = mvc.perform(get("/board/plans/{id}", planId).with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        String pin = "R:%d:%d:%s:%d".formatted(last.id(), vehicleId, day, order.size() - 1);
        assertThat(page).contains("value=\"" + pin + "\"", "value=\"D:%d:%s\"".formatted(last.id(), day));
        String location = mvc.perform(post("/board/plans/{id}/replan", planId).with(user(admin)).with(csrf())
                        .param("pin", pin).param("seconds", "1"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long replanned = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(replanned).isNotEqualTo(planId);
        DocumentContext again = awaitDone(replanned);

        assertThat(again.<String>read("$.status")).isEqualTo("DONE");
        assertThat(again.<List<Number>>read("$.routes[?(@.vehicleId == %d)].stops[0].producerId".formatted(vehicleId)))
                .extracting(Number::longValue).containsExactly(last.id());
        assertThat(again.<List<Boolean>>read("$.routes[*].stops[?(@.pinned == true)].pinned")).hasSize(1);
        assertThat(mvc.perform(get(location).with(user(admin))).andReturn().getResponse().getContentAsString())
                .contains("已固定");

        mvc.perform(post("/board/plans/{id}/replan", planId).with(user(admin)).with(csrf())
                        .param("pin", "R:%d:%d:%s:0".formatted(nearYanchi.id(), vehicleId, day)))
                .andExpect(redirectedUrl("/board/plans/" + planId))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("not served")));
    }

    private long planFromTheBoard(int seconds) throws Exception {
        String location = mvc.perform(post("/board/plans").with(user(admin)).with(csrf())
                        .param("hubId", zhongning.id().toString()).param("days", "1")
                        .param("seconds", String.valueOf(seconds)).param("policy", "greedy"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anotherCooperativesPlanIsNotFound() throws Exception {
        long planId = planFromTheBoard(1);
        awaitDone(planId);

        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/board/plans/{id}", planId).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/board/plans/{id}/map", planId).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/board/plans/{id}/events", planId).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/board/plans/{id}/approve", planId).with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/board/plans/{id}/replan", planId).with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(orders.findById(placed.get(0).id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PICKUP);
    }

    @Test
    void couriersAndSellersAreRefused() throws Exception {
        for (Role role : List.of(Role.COURIER, Role.SELLER)) {
            JiyunUser someone = fixtures.user(coop, role);
            mvc.perform(get("/board").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(get("/board/producers").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(post("/board/plans").with(user(someone)).with(csrf())
                    .param("hubId", zhongning.id().toString())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/board")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    private DocumentContext json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return JsonPath.parse(mvc.perform(request.with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private DocumentContext awaitDone(long planId) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            DocumentContext plan = json(get("/board/plans/{id}/map", planId));
            if (!"SOLVING".equals(plan.read("$.status")) || Instant.now().isAfter(giveUp)) {
                return plan;
            }
            Thread.sleep(200);
        }
    }
}
