package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.SkuMapping;
import cn.jiyun.fulfillment.shops.SkuMappings;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The admin's list of orders needing attention, and its retry buttons. */
@H2gisTest
class AttentionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orders;
    @Autowired
    SkuMappings mappings;

    Cooperative coop;
    JiyunUser admin;
    Shop shop;
    Producer producer;

    @BeforeEach
    void aShopWithAProducer() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        shop = fixtures.shop(coop, Platform.DOUYIN, null);
        producer = fixtures.producer(coop, "李家滩羊场", 107.40, 37.78);
    }

    /** Maps the SKU straight in the store, without the event that retries its orders, as a mapping racing an order would. */
    private void mappedBehindTheOrdersBack(String sku) {
        mappings.save(new SkuMapping(coop.id(), shop.id(), sku, producer.id(), "滩羊肉 2kg", 2_000, 4_000, true));
    }

    private Notice retry(String path, Object... vars) throws Exception {
        return (Notice) mvc.perform(post(path, vars).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/attention"))
                .andReturn().getFlashMap().get(Notice.ATTRIBUTE);
    }

    @Test
    void anOrderCollectedAlreadyIsNotRetriedButSentToAPerson() throws Exception {
        Order collected = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 2_000), 1);
        orders.changeStatus(coop.id(), collected.id(), OrderStatus.PLANNED, "planned", null, null, "test");
        orders.changeStatus(coop.id(), collected.id(), OrderStatus.PICKED_UP, "collected", null, null, "test");
        orders.changeStatus(coop.id(), collected.id(), OrderStatus.NEEDS_ATTENTION, "one box damaged", null, null,
                "test");

        Notice refused = retry("/admin/attention/{id}/retry", collected.id());

        assertThat(refused.error()).isTrue();
        assertThat(refused.code()).isEqualTo("admin.attention.needsPerson");
        assertThat(orders.get(coop.id(), collected.id()).status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
        String page = mvc.perform(get("/admin/attention").with(user(admin)).flashAttr(Notice.ATTRIBUTE, refused))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("不能重试").contains(collected.platformOrderId());
    }

    @Test
    void retryingAnOrderOnceItsSkuIsMappedMovesItOn() throws Exception {
        Order waiting = fixtures.paidOrder(shop, "tan-lamb-2kg", 1);

        Notice stillWaiting = retry("/admin/attention/{id}/retry", waiting.id());
        assertThat(stillWaiting.error()).isTrue();
        assertThat(stillWaiting.code()).isEqualTo("admin.attention.stillWaiting");
        assertThat(orders.get(coop.id(), waiting.id()).status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);

        mappedBehindTheOrdersBack("tan-lamb-2kg");
        Notice movedOn = retry("/admin/attention/{id}/retry", waiting.id());
        assertThat(movedOn.error()).isFalse();
        assertThat(movedOn.args()).containsExactly(waiting.platformOrderId());
        assertThat(orders.get(coop.id(), waiting.id()).status()).isEqualTo(OrderStatus.AWAITING_PICKUP);

        assertThat(retry("/admin/attention/{id}/retry", waiting.id()).code()).isEqualTo("admin.attention.notWaiting");
    }

    @Test
    void retryAllMovesOnTheOrdersWhoseSkusAreNowMapped() throws Exception {
        Order mapped = fixtures.paidOrder(shop, "tan-lamb-2kg", 1);
        Order stillUnmapped = fixtures.paidOrder(shop, "tan-lamb-5kg", 1);
        mappedBehindTheOrdersBack("tan-lamb-2kg");

        Notice notice = retry("/admin/attention/retry-all");
        assertThat(notice.args()).containsExactly(2, 1, 1);
        assertThat(orders.get(coop.id(), mapped.id()).status()).isEqualTo(OrderStatus.AWAITING_PICKUP);
        assertThat(orders.get(coop.id(), stillUnmapped.id()).status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
    }

    @Test
    void wordsTheServicesReasonsForTheAdmin() throws Exception {
        Order unmapped = fixtures.paidOrder(shop, "tan-lamb-2kg", 1);
        Order tooHeavy = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 60_000), 2);
        assertThat(tooHeavy.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);

        String page = mvc.perform(get("/admin/attention").with(user(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(unmapped.platformOrderId(), "这些商品还没有对应的农户", "sku=tan-lamb-2kg",
                tooHeavy.platformOrderId(), "一个农户的包裹有 120 公斤");
    }
}
