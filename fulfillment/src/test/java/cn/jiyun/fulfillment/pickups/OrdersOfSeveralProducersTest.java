package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An order with parcels at two producers moves only once both have an outcome, and as they decide. */
@H2gisTest
class OrdersOfSeveralProducersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orders;

    JiyunUser admin;
    JiyunUser courier;
    long routeId;

    @Test
    void anOrderMovesOnceEachOfItsParcelsHasAnOutcome() throws Exception {
        Cooperative coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        courier = fixtures.user(coop, Role.COURIER);
        Hub hub = fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        fixtures.vehicle(coop, hub);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Producer goji = fixtures.producer(coop, "马家枸杞园", 105.62, 37.46);
        Producer apples = fixtures.producer(coop, "沙坡头苹果社", 105.70, 37.52);
        String gojiSku = fixtures.sku(coop, shop, goji, 500);
        String appleSku = fixtures.sku(coop, shop, apples, 2_000);
        Order collected = twoProducerOrder(shop, gojiSku, appleSku);
        Order partly = twoProducerOrder(shop, gojiSku, appleSku);
        Order notReady = twoProducerOrder(shop, gojiSku, appleSku);
        planApproveAndGiveToCourier(hub);

        confirm(parcelAt(collected, goji), "COLLECTED");
        confirm(parcelAt(partly, goji), "COLLECTED");
        assertThat(statusOf(collected)).isEqualTo("PLANNED");
        confirm(parcelAt(collected, apples), "COLLECTED");
        assertThat(statusOf(collected)).isEqualTo("PICKED_UP");

        confirm(parcelAt(partly, apples), "NOT_READY");
        DocumentContext order = order(partly);
        assertThat(order.<String>read("$.status")).isEqualTo("NEEDS_ATTENTION");
        assertThat(order.<String>read("$.attentionReason")).contains("partly collected", parcelAt(partly, goji),
                parcelAt(partly, apples) + " not ready");

        confirm(parcelAt(notReady, goji), "NOT_READY");
        assertThat(statusOf(notReady)).isEqualTo("PLANNED");
        confirm(parcelAt(notReady, apples), "NOT_READY");
        assertThat(statusOf(notReady)).isEqualTo("AWAITING_PICKUP");

        DocumentContext sheet = JsonPath.parse(mvc.perform(get("/api/routes/{id}/pickups", routeId).with(as(courier)))
                .andReturn().getResponse().getContentAsString());
        assertThat(sheet.<Number>read("$.collectedGrams").longValue()).isEqualTo(2 * 500 + 2_000);
    }

    private Order twoProducerOrder(Shop shop, String gojiSku, String appleSku) {
        Instant paid = Instant.now().minus(Duration.ofHours(1));
        return orders.place(shop, new CanonicalOrder(shop.platform(), shop.platformShopId(), "o" + Fixtures.unique(),
                PlatformOrderStatus.PAID, paid, paid, paid, paid.plus(Duration.ofHours(48)),
                List.of(new OrderLine(gojiSku, "中宁枸杞 500g", 1, 6_800L), new OrderLine(appleSku, "苹果 2kg", 1, 5_000L)),
                11_800L, "广东省", "深圳市", ""), "test");
    }

    private void planApproveAndGiveToCourier(Hub hub) throws Exception {
        LocalDate tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1);
        long planId = JsonPath.parse(mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1, \"seconds\": 2, \"firstDay\": \"%s\"}"
                                .formatted(hub.id(), tomorrow)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).read("$.id", Long.class);
        DocumentContext plan;
        Instant giveUp = Instant.now().plusSeconds(60);
        do {
            Thread.sleep(200);
            plan = JsonPath.parse(mvc.perform(get("/api/plans/{id}", planId).with(as(admin)))
                    .andReturn().getResponse().getContentAsString());
        } while ("SOLVING".equals(plan.read("$.status")) && Instant.now().isBefore(giveUp));
        assertThat(plan.<List<?>>read("$.routes")).hasSize(1);
        assertThat(plan.<List<?>>read("$.unassigned")).isEmpty();
        mvc.perform(post("/api/plans/{id}/approve", planId).with(as(admin))).andExpect(status().isOk());
        routeId = plan.<Number>read("$.routes[0].id").longValue();
        mvc.perform(put("/api/plans/{id}/routes/{routeId}/courier", planId, routeId).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"courierUserId\": " + courier.userId() + "}"))
                .andExpect(status().isOk());
    }

    private static String parcelAt(Order order, Producer producer) {
        return order.parcels().stream().filter(p -> p.producerId().equals(producer.id())).findFirst().orElseThrow()
                .code();
    }

    private void confirm(String code, String outcome) throws Exception {
        mvc.perform(post("/api/routes/{id}/pickups", routeId).with(as(courier)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"codes\": [\"" + code + "\"], \"outcome\": \"" + outcome + "\"}"))
                .andExpect(status().isOk());
    }

    private DocumentContext order(Order order) throws Exception {
        return JsonPath.parse(mvc.perform(get("/api/orders/{id}", order.id()).with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String statusOf(Order order) throws Exception {
        return order(order).read("$.status");
    }
}
