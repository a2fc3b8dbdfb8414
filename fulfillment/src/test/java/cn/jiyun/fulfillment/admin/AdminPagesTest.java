package cn.jiyun.fulfillment.admin;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.intake.DeadLetterService;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class AdminPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orders;
    @Autowired
    DeadLetterService deadLetters;

    Cooperative coop;
    JiyunUser admin;
    Shop shop;
    Order waiting;

    /** A cooperative with one of everything the admin pages show, and something in every queue. */
    @BeforeEach
    void aCooperativeWithWorkWaiting() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        Hub hub = fixtures.hub(coop, "中宁县集散中心", 105.67, 37.48);
        fixtures.vehicle(coop, hub);
        Producer producer = fixtures.producer(coop, "马家枸杞园", 105.68, 37.49);
        shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        String sku = fixtures.sku(coop, shop, producer, 500);
        waiting = fixtures.paidOrder(shop, "unmapped-goji-1kg", 1);
        Order handed = fixtures.paidOrder(shop, sku, 2);
        for (OrderStatus step : List.of(OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB)) {
            orders.changeStatus(coop.id(), handed.id(), step, null, null, null, "test");
        }
        orders.changeStatus(coop.id(), handed.id(), OrderStatus.HANDED_TO_CARRIER, null, Carrier.ZTO,
                "78312345678901", "test");
        deadLetters.keep(new DeadLetter(Platform.KUAISHOU, shop.platformShopId(), "poll", "{\"oid\":\"x-1\"}",
                "payTime is not a number", Instant.now()));
    }

    private static final List<String> PAGES = List.of("/admin", "/admin/producers", "/admin/producers/new",
            "/admin/hubs", "/admin/hubs/new", "/admin/vehicles", "/admin/vehicles/new", "/admin/shops",
            "/admin/shops/new", "/admin/attention", "/admin/dead-letters", "/admin/write-backs",
            "/admin/write-backs?status=FAILED");

    @Test
    void rendersEveryPageForAnAdminInChinese() throws Exception {
        for (String path : PAGES) {
            String page = mvc.perform(get(path).with(user(admin))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).contains("lang=\"zh-CN\"", "基础资料").doesNotContain("??");
        }
        String shopPage = mvc.perform(get("/admin/shops/{id}", shop.id()).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(shopPage).contains("商品对应农户", "中宁枸杞 500g", "马家枸杞园", "0.500 公斤").doesNotContain("??");

        String index = mvc.perform(get("/admin").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(index).containsPattern("data-test=\"count-attention\">1<")
                .containsPattern("data-test=\"count-dead-letters\">1<")
                .containsPattern("data-test=\"count-producers\">1<")
                .containsPattern("data-test=\"count-hubs\">1<");

        String attention = mvc.perform(get("/admin/attention").with(user(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(attention).contains(waiting.platformOrderId(), "unmapped-goji-1kg", "这些商品还没有对应的农户");
        String letters = mvc.perform(get("/admin/dead-letters").with(user(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(letters).contains("payTime is not a number", "<details>", "{&quot;oid&quot;:&quot;x-1&quot;}", "快手");
        String writeBacks = mvc.perform(get("/admin/write-backs").with(user(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(writeBacks).contains("78312345678901", "待回传");

        assertThat(mvc.perform(get("/admin/producers").param("lang", "en").with(user(admin))).andReturn()
                .getResponse().getContentAsString()).contains("Producers", "Find by name or phone");
    }

    @Test
    void refusesCouriersAndSellers() throws Exception {
        for (Role role : List.of(Role.COURIER, Role.SELLER)) {
            JiyunUser someone = fixtures.user(coop, role);
            for (String path : PAGES) {
                mvc.perform(get(path).with(user(someone))).andExpect(status().isForbidden());
            }
            mvc.perform(post("/admin/attention/{id}/retry", waiting.id()).with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
    }

    @Test
    void requiresTheCsrfTokenOnEveryChange() throws Exception {
        for (String path : List.of("/admin/producers", "/admin/hubs", "/admin/vehicles", "/admin/shops",
                "/admin/attention/retry-all", "/admin/shops/" + shop.id() + "/mappings")) {
            mvc.perform(post(path).with(user(admin))).andExpect(status().isForbidden());
        }
        assertThat(orders.get(coop.id(), waiting.id()).status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
    }

    @Test
    void showsAnotherCooperativesRecordsAsNotFound() throws Exception {
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/admin/shops/{id}", shop.id()).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/shops/{id}/mappings", shop.id()).with(user(stranger)).with(csrf())
                .param("platformSku", "unmapped-goji-1kg")).andExpect(status().isNotFound());
        mvc.perform(post("/admin/attention/{id}/retry", waiting.id()).with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/admin/attention").with(user(stranger))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain(waiting.platformOrderId()).contains("没有待处理的订单");
        assertThat(mvc.perform(get("/admin/dead-letters").with(user(stranger))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("payTime is not a number");
    }
}
