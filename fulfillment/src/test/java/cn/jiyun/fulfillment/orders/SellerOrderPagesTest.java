package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.manifests.ApprovedRoute;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sellers' order pages: their own shops' orders only, found by number, each with its timeline and public link. */
@H2gisTest
class SellerOrderPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orderService;

    Cooperative coop;
    JiyunUser seller;
    JiyunUser otherSeller;
    Producer producer;
    Shop shop;
    Shop otherShop;
    Order own;
    Order others;

    @BeforeEach
    void twoSellersOfOneCooperative() {
        coop = fixtures.cooperative();
        seller = fixtures.user(coop, Role.SELLER);
        otherSeller = fixtures.user(coop, Role.SELLER);
        producer = fixtures.producer(coop, "马家枸杞园", 105.70, 37.50);
        shop = fixtures.shop(coop, Platform.DOUYIN, seller.userId());
        otherShop = fixtures.shop(coop, Platform.DOUYIN, otherSeller.userId());
        own = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 2);
        others = fixtures.paidOrder(otherShop, fixtures.sku(coop, otherShop, producer, 650), 1);
    }

    @Test
    void listsOnlyTheSellersOwnShopsOrders() throws Exception {
        String page = page(get("/orders"), seller);
        assertThat(page).contains(own.platformOrderId(), "待揽收", "抖音", "¥136.00 元", "/orders/" + own.id())
                .doesNotContain(others.platformOrderId());

        assertThat(page(get("/orders"), otherSeller)).contains(others.platformOrderId())
                .doesNotContain(own.platformOrderId());
        assertThat(page(get("/orders"), fixtures.user(coop, Role.COOP_ADMIN)))
                .contains(own.platformOrderId(), others.platformOrderId());
        assertThat(page(get("/orders"), fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN)))
                .doesNotContain(own.platformOrderId(), others.platformOrderId());
    }

    @Test
    void anotherSellersOrderIsNotFoundRatherThanForbidden() throws Exception {
        assertThat(page(get("/orders/{id}", own.id()), seller)).contains(own.platformOrderId());

        String refused = mvc.perform(get("/orders/{id}", others.id()).with(user(seller)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("没有这个订单").doesNotContain(others.platformOrderId());
        mvc.perform(get("/orders/{id}", own.id()).with(user(fixtures.user(fixtures.cooperative(), Role.SELLER))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/orders/{id}", own.id()).with(user(fixtures.user(coop, Role.COURIER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void findsAnOrderByItsPlatformNumberOrItsBeginningAndFiltersByStatusAndPlatform() throws Exception {
        Shop kuaishou = fixtures.shop(coop, Platform.KUAISHOU, seller.userId());
        Order second = fixtures.paidOrder(kuaishou, fixtures.sku(coop, kuaishou, producer, 500), 1);

        assertThat(page(get("/orders").param("q", own.platformOrderId()), seller))
                .contains(own.platformOrderId()).doesNotContain(second.platformOrderId());
        assertThat(page(get("/orders").param("q", " " + own.platformOrderId().substring(0, 6)), seller))
                .contains(own.platformOrderId()).doesNotContain(second.platformOrderId());
        // another seller's order is not found by its number either (the box keeps what was typed)
        assertThat(page(get("/orders").param("q", others.platformOrderId()), seller))
                .doesNotContain("data-test=\"order-row\"", "/orders/" + others.id() + "\"")
                .contains("没有符合条件的订单");
        assertThat(page(get("/orders").param("q", "o%"), seller)).contains("没有符合条件的订单")
                .doesNotContain("data-test=\"order-row\"");

        mvc.perform(get("/orders").param("status", "NOT_A_STATUS").with(user(seller)))
                .andExpect(redirectedUrl("/orders"));
        assertThat(page(get("/orders").param("platform", "KUAISHOU"), seller))
                .contains(second.platformOrderId()).doesNotContain(own.platformOrderId());
        orderService.changeStatus(coop.id(), own.id(), OrderStatus.CANCELLED, "buyer changed their mind", null,
                null, "test");
        assertThat(page(get("/orders").param("status", "CANCELLED").param("platform", ""), seller))
                .contains(own.platformOrderId()).doesNotContain(second.platformOrderId());
    }

    @Test
    void pagesThroughManyOrdersNewestFirstKeepingTheFilters() throws Exception {
        String sku = fixtures.sku(coop, shop, producer, 650);
        for (int i = 0; i < 20; i++) {
            fixtures.paidOrder(shop, sku, 1);
        }
        Order newest = fixtures.paidOrder(shop, sku, 1);

        String first = page(get("/orders?status=AWAITING_PICKUP"), seller);
        assertThat(first).contains(newest.platformOrderId(), "第 1 页，共 2 页，22 单", "id=\"page-next\"")
                .doesNotContain(own.platformOrderId(), "id=\"page-prev\"");
        assertThat(first.indexOf(newest.platformOrderId())).isLessThan(first.indexOf("data-order-id"
                + "=\"" + (newest.id() - 1) + "\""));
        assertThat(first).contains("href=\"/orders?status=AWAITING_PICKUP&amp;page=1\"");
        assertThat(page(get("/orders?status=AWAITING_PICKUP&page=1"), seller))
                .contains(own.platformOrderId(), "id=\"page-prev\"").doesNotContain(newest.platformOrderId());
    }

    @Test
    void showsTheOrderWithItsLinesParcelsAndPublicLink() throws Exception {
        String page = page(get("/orders/{id}", own.id()), seller);
        Parcel parcel = own.parcels().get(0);
        assertThat(page).contains("订单 " + own.platformOrderId(), "中宁枸杞 500g", parcel.code(), "1.30 公斤",
                "¥136.00 元", "广东省 深圳市", "id=\"tracking-url\"", "/track/" + own.trackingToken(),
                "id=\"copy-tracking-url\"", "/js/seller.js", "已接单", "待揽收");
        mvc.perform(get("/js/seller.js")).andExpect(status().isOk());
    }

    @Test
    void theTimelineShowsThePickupDayAndTimeOfTheApprovedPlan() throws Exception {
        ApprovedRoute approved = ApprovedRoute.make(mvc, fixtures);
        DocumentContext plan = JsonPath.parse(mvc.perform(get("/api/plans/{id}", approved.planId())
                .with(as(approved.admin()))).andReturn().getResponse().getContentAsString());
        Order order = approved.orders().get(0);
        String day = null;
        String arrival = null;
        for (Map<String, Object> route : plan.<List<Map<String, Object>>>read("$.routes")) {
            for (Map<String, Object> stop : (List<Map<String, Object>>) route.get("stops")) {
                for (Map<String, Object> p : (List<Map<String, Object>>) stop.get("parcels")) {
                    if (((Number) p.get("orderId")).longValue() == order.id()) {
                        day = (String) route.get("day");
                        arrival = LocalTime.ofInstant(Instant.parse((String) stop.get("arrival")), ChinaTime.ZONE)
                                .format(DateTimeFormatter.ofPattern("HH:mm"));
                    }
                }
            }
        }
        assertThat(arrival).as("the order is on the approved plan").isNotNull();

        String page = page(get("/orders/{id}", order.id()), approved.admin());
        assertThat(page).contains("已安排揽收", "预计 " + day + " " + arrival + " 左右上门揽收");
        assertThat(page(get("/orders/{id}", order.id()).param("lang", "en"), approved.admin()))
                .contains("Pickup scheduled", "Pickup planned on " + day + ", around " + arrival);
        String publicPage = mvc.perform(get(URI.create(trackingUrl(approved.admin(), order)).getPath()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("预计 " + day + " " + arrival + " 左右上门揽收")
                .doesNotContain(approved.producers().get(0).name(), "13900000000");
    }

    @Test
    void theTimelineShowsTheCarrierAndWaybillOnceHandedOverInChineseOrEnglish() throws Exception {
        for (OrderStatus step : List.of(OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB)) {
            orderService.changeStatus(coop.id(), own.id(), step, null, null, null, "test");
        }
        orderService.changeStatus(coop.id(), own.id(), OrderStatus.HANDED_TO_CARRIER, null, Carrier.ZTO,
                "78312345678901", "test");

        String chinese = page(get("/orders/{id}", own.id()), seller);
        // after the handover only the carrier's steps are still to come
        assertThat(chinese).contains("已交快递发出", "中通快递", "78312345678901", "已揽收", "已到县级集散中心",
                "快递运输", "买家签收");
        assertThat(chinese.split("待进行", -1)).as("two steps to come: in transit, delivered").hasSize(3);
        String english = page(get("/orders/{id}", own.id()).param("lang", "en"), seller);
        assertThat(english).contains("Handed to the carrier", "ZTO Express", "78312345678901", "Picked up",
                "Tracking link for the buyer", "lang=\"en\"");
        assertThat(page(get("/orders").param("lang", "en"), seller)).contains("Orders", "Handed to the carrier",
                "Douyin", "Ship by");
    }

    @Test
    void thePublicPageShowsTheSameStepsAndNoPersonalData() throws Exception {
        orderService.changeStatus(coop.id(), own.id(), OrderStatus.PLANNED, null, null, null, "test");
        String publicPage = mvc.perform(get("/track/{token}", own.trackingToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains(own.platformOrderId(), "已接单", "待揽收", "已安排揽收", "上门揽收", "待进行")
                .doesNotContain("已揽收", "马家枸杞园", "13900000000", "马先生", "测试村", "深圳市", "广东省", "136.00", "13600",
                        "测试店铺", shop.platformShopId(), "access-", "refresh-", "中宁枸杞", own.parcels().get(0).code());
        String sellerPage = page(get("/orders/{id}", own.id()), seller);
        for (String step : List.of("step-RECEIVED", "step-AWAITING_PICKUP", "step-PLANNED", "step-PICKED_UP",
                "step-AT_HUB", "step-HANDED_TO_CARRIER")) {
            assertThat(publicPage).contains(step);
            assertThat(sellerPage).contains(step);
        }
    }

    private String page(MockHttpServletRequestBuilder request, JiyunUser who) throws Exception {
        return mvc.perform(request.with(user(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String trackingUrl(JiyunUser admin, Order order) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/orders/{id}", order.id()).with(as(admin)))
                .andReturn().getResponse().getContentAsString(), "$.trackingUrl");
    }
}
