package cn.jiyun.fulfillment.intake;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.fulfillment.writeback.WriteBackSender;
import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.SyncReport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Shops with their tokens, dead letters and the write-back queue, through the API. */
@H2gisTest
@Import(IntakeApiTest.RecordingKuaishou.class)
class IntakeApiTest {

    /** A Kuaishou connector that records write-backs and fails them on demand. */
    @TestConfiguration
    static class RecordingKuaishou {
        static final List<ShipmentNotice> SHIPPED = new CopyOnWriteArrayList<>();
        static final AtomicReference<RuntimeException> NEXT_FAILURE = new AtomicReference<>();

        @Bean
        PlatformConnector recordingKuaishouConnector() {
            return new PlatformConnector() {
                @Override
                public Platform platform() {
                    return Platform.KUAISHOU;
                }

                @Override
                public SyncReport synchronise(ShopAccount shop) {
                    return new SyncReport(0, 0, 0, shop.syncCursor());
                }

                @Override
                public void writeBack(ShopAccount shop, ShipmentNotice notice) {
                    RuntimeException failure = NEXT_FAILURE.getAndSet(null);
                    if (failure != null) {
                        throw failure;
                    }
                    SHIPPED.add(notice);
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShopAccounts shopAccounts;
    @Autowired
    OrderIntake intake;
    @Autowired
    WriteBackSender sender;

    Cooperative coop;
    JiyunUser admin;

    @BeforeEach
    void cooperative() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        RecordingKuaishou.SHIPPED.clear();
    }

    private long registerShop(String json) throws Exception {
        String body = mvc.perform(post("/api/shops").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andExpect(content().string(not(containsString("secret-access"))))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.parse(body).read("$.id", Long.class);
    }

    @Test
    void registersAShopWithItsTokensEncryptedAndNeverShowsThem() throws Exception {
        String shopId = "ks" + Fixtures.unique();
        long id = registerShop("""
                {"platform": "KUAISHOU", "shopId": "%s", "name": "盐池滩羊直供",
                 "accessToken": "secret-access-token", "refreshToken": "secret-refresh-token"}""".formatted(shopId));

        String stored = jdbc.sql("SELECT access_token_enc FROM shop WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("secret");
        ShopAccount account = shopAccounts.find(Platform.KUAISHOU, shopId).orElseThrow();
        assertThat(account.accessToken()).isEqualTo("secret-access-token");
        assertThat(account.refreshToken()).isEqualTo("secret-refresh-token");
        assertThat(account.toString()).doesNotContain("secret");
        mvc.perform(get("/api/shops/{id}", id).with(as(admin)))
                .andExpect(jsonPath("$.authorisation").value("ACTIVE"))
                .andExpect(content().string(not(containsString("secret"))));
    }

    @Test
    void refusesADouyinShopWithoutTokensAndADuplicateShop() throws Exception {
        mvc.perform(post("/api/shops").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\": \"DOUYIN\", \"shopId\": \"dy1\", \"name\": \"枸杞店\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accessToken"));
        mvc.perform(post("/api/shops").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\": \"TAOBAO\", \"shopId\": \"tb1\", \"name\": \"淘宝店\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("platform"));
        String wechat = "{\"platform\": \"WECHAT\", \"shopId\": \"wx" + Fixtures.unique() + "\", \"name\": \"鲜奶铺\"}";
        registerShop(wechat);
        mvc.perform(post("/api/shops").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(wechat))
                .andExpect(status().isConflict());
    }

    @Test
    void showsARevokedShopAndTakesNewTokens() throws Exception {
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        shopAccounts.authorisationRevoked(Platform.KUAISHOU, shop.platformShopId(), "卖家已取消授权");

        mvc.perform(get("/api/shops/{id}", shop.id()).with(as(admin)))
                .andExpect(jsonPath("$.authorisation").value("NEEDS_REAUTHORISATION"))
                .andExpect(jsonPath("$.authorisationProblem").value("卖家已取消授权"));
        assertThat(shopAccounts.activeShops(Platform.KUAISHOU)).extracting(ShopAccount::shopId)
                .doesNotContain(shop.platformShopId());
        mvc.perform(post("/api/shops/{id}/sync", shop.id()).with(as(admin))).andExpect(status().isConflict());

        mvc.perform(post("/api/shops/{id}/authorisation", shop.id()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accessToken\": \"new-access\", \"refreshToken\": \"new-refresh\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorisation").value("ACTIVE"));
        assertThat(shopAccounts.find(Platform.KUAISHOU, shop.platformShopId()).orElseThrow().accessToken())
                .isEqualTo("new-access");
    }

    @Test
    void keepsDeadLettersForTheCooperativeToSeeRetryAndDiscard() throws Exception {
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        intake.deadLetter(new DeadLetter(Platform.KUAISHOU, shop.platformShopId(), "poll", "{\"oid\":\"x\"}",
                "payTime is not a number", Instant.now()));
        intake.deadLetter(new DeadLetter(Platform.KUAISHOU, "unknown-shop", "webhook", "{}", "no such shop",
                Instant.now()));

        String body = mvc.perform(get("/api/dead-letters").param("status", "OPEN").with(as(admin)))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].reason").value("payTime is not a number"))
                .andExpect(jsonPath("$.content[0].rawMessage").value("{\"oid\":\"x\"}"))
                .andReturn().getResponse().getContentAsString();
        long id = JsonPath.parse(body).read("$.content[0].id", Long.class);

        mvc.perform(post("/api/dead-letters/{id}/retry", id).with(as(admin)))
                .andExpect(jsonPath("$.status").value("RETRIED"))
                .andExpect(jsonPath("$.retries").value(1));
        mvc.perform(post("/api/dead-letters/{id}/discard", id).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"test order, deleted on the platform\"}"))
                .andExpect(jsonPath("$.status").value("DISCARDED"));
        mvc.perform(post("/api/dead-letters/{id}/retry", id).with(as(admin))).andExpect(status().isConflict());

        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/api/dead-letters/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/dead-letters").with(as(fixtures.user(coop, Role.SELLER)))).andExpect(status().isForbidden());
    }

    private long handedOrder(Shop shop, String waybill) throws Exception {
        Producer producer = fixtures.producer(coop, "滩羊场", 107.40, 37.78);
        long orderId = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 3_200), 1).id();
        for (String step : new String[] {"PLANNED", "PICKED_UP", "AT_HUB"}) {
            mvc.perform(post("/api/orders/{id}/status", orderId).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"status\": \"" + step + "\"}")).andExpect(status().isOk());
        }
        mvc.perform(post("/api/orders/{id}/status", orderId).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"HANDED_TO_CARRIER\", \"carrier\": \"ZTO\", \"waybillNumber\": \"" + waybill + "\"}"))
                .andExpect(status().isOk());
        return orderId;
    }

    private void sendDueNow() {
        jdbc.sql("UPDATE write_back SET next_attempt_at = :past").param("past", java.sql.Timestamp.from(Instant.EPOCH))
                .update();
        sender.sendDue();
    }

    @Test
    void writesAWaybillBackExactlyOnceThroughTheVisibleQueue() throws Exception {
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        long orderId = handedOrder(shop, "78312345678901");

        mvc.perform(get("/api/write-backs").with(as(admin)))
                .andExpect(jsonPath("$.content[0].orderId").value(orderId))
                .andExpect(jsonPath("$.content[0].status").value("PENDING"));
        sendDueNow();
        sendDueNow();

        assertThat(RecordingKuaishou.SHIPPED).singleElement().satisfies(n -> {
            assertThat(n.waybillNumber()).isEqualTo("78312345678901");
            assertThat(n.shopId()).isEqualTo(shop.platformShopId());
        });
        mvc.perform(get("/api/write-backs").param("status", "DONE").with(as(admin)))
                .andExpect(jsonPath("$.content[0].orderId").value(orderId))
                .andExpect(jsonPath("$.content[0].attempts").value(1));
    }

    @Test
    void retriesAPassingFailureAndLetsAPersonRetryARefusal() throws Exception {
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        handedOrder(shop, "YT0000000001");

        RecordingKuaishou.NEXT_FAILURE.set(new PlatformException(Platform.KUAISHOU, "503", "unavailable", true));
        sendDueNow();
        mvc.perform(get("/api/write-backs").with(as(admin)))
                .andExpect(jsonPath("$.content[0].status").value("PENDING"))
                .andExpect(jsonPath("$.content[0].lastError", containsString("unavailable")));

        RecordingKuaishou.NEXT_FAILURE.set(new AuthorisationRevokedException(Platform.KUAISHOU, shop.platformShopId(),
                "24", "authorisation withdrawn"));
        sendDueNow();
        String body = mvc.perform(get("/api/write-backs").param("status", "FAILED").with(as(admin)))
                .andExpect(jsonPath("$.content[0].lastError", containsString("re-authorisation")))
                .andReturn().getResponse().getContentAsString();
        long id = JsonPath.parse(body).read("$.content[0].id", Long.class);
        assertThat(RecordingKuaishou.SHIPPED).isEmpty();

        mvc.perform(post("/api/write-backs/{id}/retry", id).with(as(admin)))
                .andExpect(jsonPath("$.status").value("PENDING"));
        sendDueNow();
        assertThat(RecordingKuaishou.SHIPPED).hasSize(1);
    }

    @Test
    void needsNoWriteBackForSpreadsheetOrders() throws Exception {
        Shop shop = fixtures.shop(coop, Platform.SPREADSHEET, null);
        handedOrder(shop, "SF1234567890");

        mvc.perform(get("/api/write-backs").with(as(admin)))
                .andExpect(jsonPath("$.content[0].status").value("NOT_NEEDED"));
    }
}
