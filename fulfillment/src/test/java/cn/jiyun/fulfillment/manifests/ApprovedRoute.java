package cn.jiyun.fulfillment.manifests;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Platform;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A cooperative whose admin planned and approved one route through the API and gave it to a
 * courier: what the manifest tests read.
 */
public record ApprovedRoute(Cooperative cooperative, JiyunUser admin, JiyunUser courier, List<Producer> producers,
                            List<Order> orders, long planId, long routeId) {

    static final List<String> PRODUCER_NAMES = List.of("马家枸杞园", "沙坡头苹果社", "贺兰山葡萄庄", "盐池滩羊场");

    public static ApprovedRoute make(MockMvc mvc, Fixtures fixtures) throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        Hub hub = fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        fixtures.vehicle(coop, hub);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        List<Producer> producers = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < PRODUCER_NAMES.size(); i++) {
            Producer producer = fixtures.producer(coop, PRODUCER_NAMES.get(i), 105.60 + 0.03 * i, 37.45 + 0.02 * (i % 3));
            producers.add(producer);
            orders.add(fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 2));
        }
        LocalDate tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1);
        String started = mvc.perform(post("/api/plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubIds\": [%d], \"days\": 1, \"seconds\": 2, \"firstDay\": \"%s\"}"
                                .formatted(hub.id(), tomorrow)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long planId = JsonPath.parse(started).read("$.id", Long.class);
        DocumentContext plan = awaitDone(mvc, admin, planId);
        mvc.perform(post("/api/plans/{id}/approve", planId).with(as(admin))).andExpect(status().isOk());
        long routeId = plan.<Number>read("$.routes[0].id").longValue();
        mvc.perform(put("/api/plans/{id}/routes/{routeId}/courier", planId, routeId).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"courierUserId\": " + courier.userId() + "}"))
                .andExpect(status().isOk());
        return new ApprovedRoute(coop, admin, courier, List.copyOf(producers), List.copyOf(orders), planId, routeId);
    }

    public List<String> parcelCodes() {
        return orders.stream().flatMap(o -> o.parcels().stream()).map(p -> p.code()).toList();
    }

    private static DocumentContext awaitDone(MockMvc mvc, JiyunUser admin, long planId) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            DocumentContext plan = JsonPath.parse(mvc.perform(get("/api/plans/{id}", planId).with(as(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (!"SOLVING".equals(plan.read("$.status")) || Instant.now().isAfter(giveUp)) {
                return plan;
            }
            Thread.sleep(200);
        }
    }
}
