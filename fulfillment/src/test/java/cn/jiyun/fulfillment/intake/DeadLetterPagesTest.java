package cn.jiyun.fulfillment.intake;

import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's dead-letter page and its retry. */
@H2gisTest
class DeadLetterPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DeadLetterService deadLetters;

    Cooperative coop;
    JiyunUser admin;
    Shop shop;

    @BeforeEach
    void anAdminWithAShop() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        shop = fixtures.shop(coop, Platform.KUAISHOU, null);
    }

    @Test
    void retriesADeadLetterAndShowsWhatCameOfIt() throws Exception {
        DeadLetterEntry entry = deadLetters.keep(new DeadLetter(Platform.KUAISHOU, shop.platformShopId(), "poll",
                "{\"oid\":\"k-77\"}", "payTime is not a number", Instant.now()));

        String page = mvc.perform(get("/admin/dead-letters").param("status", "OPEN").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("payTime is not a number", "k-77", "data-test=\"retry-dead-letter-" + entry.id() + "\"");

        Notice notice = (Notice) mvc.perform(post("/admin/dead-letters/{id}/retry", entry.id()).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/dead-letters")).andReturn().getFlashMap().get(Notice.ATTRIBUTE);
        assertThat(notice.error()).isFalse();
        DeadLetterEntry retried = deadLetters.get(coop.id(), entry.id());
        assertThat(retried.status()).isEqualTo(DeadLetterEntry.Status.RETRIED);
        assertThat(retried.retries()).isEqualTo(1);
        assertThat(mvc.perform(get("/admin/dead-letters").with(user(admin))).andReturn().getResponse()
                .getContentAsString()).contains("已重试 1 次");

        mvc.perform(post("/admin/dead-letters/{id}/discard", entry.id()).param("note", "平台上的测试订单")
                .with(user(admin)).with(csrf())).andExpect(redirectedUrl("/admin/dead-letters"));
        Notice refused = (Notice) mvc.perform(post("/admin/dead-letters/{id}/retry", entry.id()).with(user(admin))
                        .with(csrf())).andReturn().getFlashMap().get(Notice.ATTRIBUTE);
        assertThat(refused.error()).isTrue();
        assertThat(deadLetters.get(coop.id(), entry.id()).status()).isEqualTo(DeadLetterEntry.Status.DISCARDED);

        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(post("/admin/dead-letters/{id}/retry", entry.id()).with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/dead-letters/{id}/retry", entry.id()).with(user(admin)))
                .andExpect(status().isForbidden());
    }
}
