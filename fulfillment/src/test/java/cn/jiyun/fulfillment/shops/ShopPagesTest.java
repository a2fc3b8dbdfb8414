package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.admin.Notice;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccounts;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's shop pages: registering, re-authorising and mapping SKUs. */
@H2gisTest
class ShopPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Shops shops;
    @Autowired
    SkuMappings mappings;
    @Autowired
    OrderService orders;
    @Autowired
    ShopAccounts accounts;

    Cooperative coop;
    JiyunUser admin;

    @BeforeEach
    void anAdmin() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
    }

    @Test
    void registersAShopWithoutEverShowingItsTokens() throws Exception {
        String shopId = "ks" + Fixtures.unique();
        String location = mvc.perform(post("/admin/shops").with(user(admin)).with(csrf())
                        .param("platform", "KUAISHOU").param("shopId", shopId).param("name", "塞上滩羊快手店")
                        .param("accessToken", "secret-access-123").param("refreshToken", "secret-refresh-456")
                        .param("sellerUserId", ""))
                .andExpect(redirectedUrlPattern("/admin/shops/*")).andReturn().getResponse().getRedirectedUrl();
        Shop shop = shops.findByPlatformAndPlatformShopId(Platform.KUAISHOU, shopId).orElseThrow();
        assertThat(location).endsWith("/" + shop.id());
        assertThat(shop.cooperativeId()).isEqualTo(coop.id());
        assertThat(accounts.find(Platform.KUAISHOU, shopId).orElseThrow().accessToken()).isEqualTo("secret-access-123");

        String page = mvc.perform(get(location).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("塞上滩羊快手店", shopId, "正常").doesNotContain("secret-access-123", "secret-refresh-456");

        String missingToken = mvc.perform(post("/admin/shops").with(user(admin)).with(csrf())
                        .param("platform", "DOUYIN").param("shopId", "dy" + Fixtures.unique()).param("name", "抖音店")
                        .param("accessToken", "only-the-access-token").param("refreshToken", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missingToken).contains("需要填写刷新令牌", "data-error-for=\"refreshToken\"")
                .doesNotContain("only-the-access-token");

        String duplicate = mvc.perform(post("/admin/shops").with(user(admin)).with(csrf())
                        .param("platform", "KUAISHOU").param("shopId", shopId).param("name", "又一个")
                        .param("accessToken", "a").param("refreshToken", "r"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(duplicate).contains("这个平台店铺号已经接入过了");
    }

    @Test
    void makesAShopNeedingReauthorisationStandOutAndTakesNewTokens() throws Exception {
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        accounts.authorisationRevoked(Platform.KUAISHOU, shop.platformShopId(), "24: authorisation withdrawn by the seller");

        String list = mvc.perform(get("/admin/shops").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("needs-reauthorisation", "需要重新授权", "data-test=\"reauthorise-link\"");
        assertThat(mvc.perform(get("/admin").with(user(admin))).andReturn().getResponse().getContentAsString())
                .containsPattern("data-test=\"count-reauthorise\">1<");
        String page = mvc.perform(get("/admin/shops/{id}", shop.id()).with(user(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("authorisation withdrawn by the seller", "id=\"reauthorise-form\"");

        mvc.perform(post("/admin/shops/{id}/authorisation", shop.id()).with(user(admin)).with(csrf())
                        .param("accessToken", "new-access").param("refreshToken", "new-refresh"))
                .andExpect(redirectedUrl("/admin/shops/" + shop.id()));
        assertThat(shops.findById(shop.id()).orElseThrow().authorisation()).isEqualTo(Shop.Authorisation.ACTIVE);
        assertThat(accounts.find(Platform.KUAISHOU, shop.platformShopId()).orElseThrow().accessToken())
                .isEqualTo("new-access");
    }

    @Test
    void mapsASkuAndTheOrdersWaitingForItGoOn() throws Exception {
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Producer producer = fixtures.producer(coop, "马家枸杞园", 105.68, 37.49);
        Order waiting = fixtures.paidOrder(shop, "goji-1kg", 2);
        assertThat(waiting.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);

        assertThat(mvc.perform(get("/admin/shops/{id}", shop.id()).param("sku", "goji-1kg").with(user(admin)))
                .andReturn().getResponse().getContentAsString()).contains("value=\"goji-1kg\"", "马家枸杞园");

        String tooHeavy = mvc.perform(post("/admin/shops/{id}/mappings", shop.id()).with(user(admin)).with(csrf())
                        .param("platformSku", "goji-1kg").param("productName", "中宁枸杞 1kg")
                        .param("producerId", producer.id().toString()).param("unitWeightKg", "80")
                        .param("unitVolumeLitres", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooHeavy).contains("每件最重 50 公斤", "data-error-for=\"unitWeightKg\"");
        assertThat(mappings.findByShopIdAndPlatformSku(shop.id(), "goji-1kg")).isEmpty();

        Notice notice = (Notice) mvc.perform(post("/admin/shops/{id}/mappings", shop.id()).with(user(admin)).with(csrf())
                        .param("platformSku", "goji-1kg").param("productName", "中宁枸杞 1kg")
                        .param("producerId", producer.id().toString()).param("unitWeightKg", "1.05")
                        .param("unitVolumeLitres", "3"))
                .andExpect(redirectedUrl("/admin/shops/" + shop.id()))
                .andReturn().getFlashMap().get(Notice.ATTRIBUTE);
        assertThat(notice.code()).isEqualTo("admin.mappings.added");
        assertThat(notice.args()).containsExactly("goji-1kg", 1L);
        assertThat(mappings.findByShopIdAndPlatformSku(shop.id(), "goji-1kg").orElseThrow().unitWeightGrams())
                .isEqualTo(1_050);
        assertThat(orders.get(coop.id(), waiting.id()).status()).isEqualTo(OrderStatus.AWAITING_PICKUP);

        String otherProducer = fixtures.producer(fixtures.cooperative(), "别家的农户", 105.7, 37.5).id().toString();
        assertThat(mvc.perform(post("/admin/shops/{id}/mappings", shop.id()).with(user(admin)).with(csrf())
                        .param("platformSku", "milk-1l").param("productName", "鲜奶").param("producerId", otherProducer)
                        .param("unitWeightKg", "1").param("unitVolumeLitres", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("请选择本合作社的农户");
        assertThat(mvc.perform(post("/admin/shops/{id}/mappings", shop.id()).with(user(admin)).with(csrf())
                        .param("platformSku", "goji-1kg").param("productName", "中宁枸杞 1kg")
                        .param("producerId", producer.id().toString()).param("unitWeightKg", "1")
                        .param("unitVolumeLitres", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("这个 SKU 已经有对应了");
    }
}
