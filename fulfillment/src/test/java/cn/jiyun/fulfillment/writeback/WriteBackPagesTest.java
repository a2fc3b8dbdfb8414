package cn.jiyun.fulfillment.writeback;

import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
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
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's write-back page: pending, done and failed tabs, and the retry of a failed one. */
@H2gisTest
class WriteBackPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderService orders;
    @Autowired
    WriteBacks writeBacks;
    @Autowired
    JdbcClient jdbc;

    Cooperative coop;
    JiyunUser admin;
    long writeBackId;

    /** One order handed to the carrier, whose write-back the platform refused for good. */
    @BeforeEach
    void aFailedWriteBack() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        Producer producer = fixtures.producer(coop, "滩羊场", 107.40, 37.78);
        Order order = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 3_200), 1);
        for (OrderStatus step : List.of(OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB)) {
            orders.changeStatus(coop.id(), order.id(), step, null, null, null, "test");
        }
        orders.changeStatus(coop.id(), order.id(), OrderStatus.HANDED_TO_CARRIER, null, Carrier.YTO, "YT0000000777", "test");
        writeBackId = writeBacks.findByOrderId(order.id()).orElseThrow().id();
        // what the sender does when the platform refuses for good (see IntakeApiTest for the real refusal)
        jdbc.sql("UPDATE write_back SET status = 'FAILED', attempts = 1, last_error = 'shop needs re-authorisation' "
                + "WHERE id = :id").param("id", writeBackId).update();
    }

    @Test
    void showsFailedWriteBacksAndRetriesThem() throws Exception {
        String pending = mvc.perform(get("/admin/write-backs").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(pending).doesNotContain("YT0000000777");
        String failed = mvc.perform(get("/admin/write-backs").param("status", "FAILED").with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(failed).contains("YT0000000777", "shop needs re-authorisation",
                "data-test=\"retry-write-back-" + writeBackId + "\"");

        Notice notice = (Notice) mvc.perform(post("/admin/write-backs/{id}/retry", writeBackId).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/write-backs?status=FAILED")).andReturn().getFlashMap().get(Notice.ATTRIBUTE);
        assertThat(notice.error()).isFalse();
        assertThat(writeBacks.findById(writeBackId).orElseThrow().status()).isEqualTo(WriteBack.Status.PENDING);
        assertThat(mvc.perform(get("/admin/write-backs").param("status", "PENDING").with(user(admin)))
                .andReturn().getResponse().getContentAsString()).contains("YT0000000777");

        Notice again = (Notice) mvc.perform(post("/admin/write-backs/{id}/retry", writeBackId).with(user(admin)).with(csrf()))
                .andReturn().getFlashMap().get(Notice.ATTRIBUTE);
        assertThat(again.error()).isTrue();
    }

    @Test
    void keepsOtherCooperativesWriteBacksOutOfReach() throws Exception {
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        assertThat(mvc.perform(get("/admin/write-backs").param("status", "FAILED").with(user(stranger)))
                .andReturn().getResponse().getContentAsString()).doesNotContain("YT0000000777");
        mvc.perform(post("/admin/write-backs/{id}/retry", writeBackId).with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/write-backs/{id}/retry", writeBackId).with(user(admin)))
                .andExpect(status().isForbidden());
        assertThat(writeBacks.findById(writeBackId).orElseThrow().status()).isEqualTo(WriteBack.Status.FAILED);
    }
}
