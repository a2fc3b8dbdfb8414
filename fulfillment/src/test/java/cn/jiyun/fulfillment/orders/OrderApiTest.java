package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class OrderApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Cooperative coop;
    JiyunUser admin;
    Producer goji;
    Producer dairy;
    Shop shop;
    String gojiSku;
    String milkSku;

    @BeforeEach
    void cooperativeWithAShop() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        fixtures.hub(coop, "中宁集散中心", 105.681168, 37.491109);
        goji = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        dairy = fixtures.producer(coop, "奶牛场", 105.75, 37.55);
        shop = fixtures.shop(coop, Platform.DOUYIN, null);
        gojiSku = fixtures.sku(coop, shop, goji, 650);
        milkSku = fixtures.sku(coop, shop, dairy, 6_500);
    }

    private String orderJson(String orderId, String... skuAndQuantity) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            if (!lines.isEmpty()) {
                lines.append(',');
            }
            lines.append("""
                    {"platformSku": "%s", "title": "中宁枸杞", "quantity": %s, "amountFen": 6800}"""
                    .formatted(skuAndQuantity[i], skuAndQuantity[i + 1]));
        }
        return """
                {"shopId": %d, "platformOrderId": "%s", "buyerProvince": "广东省", "buyerCity": "深圳市",
                 "paidAt": "2026-11-28T02:00:00Z", "shipBy": "2026-11-30T02:00:00Z", "lines": [%s]}"""
                .formatted(shop.id(), orderId, lines);
    }

    private long ordersStored() {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE cooperative_id = :c").param("c", coop.id())
                .query(Long.class).single();
    }

    @Test
    void takesAnOrderAndMakesOneParcelPerProducerWithItsHistory() throws Exception {
        String body = mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(orderJson("6921000000000000001", gojiSku, "2", milkSku, "1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_PICKUP"))
                .andExpect(jsonPath("$.platform").value("DOUYIN"))
                .andExpect(jsonPath("$.shopId").value(shop.platformShopId()))
                .andExpect(jsonPath("$.lines", hasSize(2)))
                .andExpect(jsonPath("$.parcels", hasSize(2)))
                .andExpect(jsonPath("$.parcels[?(@.producerId == %d)].weightGrams", goji.id()).value(1_300))
                .andExpect(jsonPath("$.parcels[?(@.producerId == %d)].weightGrams", dairy.id()).value(6_500))
                .andExpect(jsonPath("$.events[*].status").value(org.hamcrest.Matchers.contains("RECEIVED",
                        "AWAITING_PICKUP")))
                .andReturn().getResponse().getContentAsString();
        long id = com.jayway.jsonpath.JsonPath.parse(body).read("$.id", Long.class);

        mvc.perform(get("/api/orders/{id}", id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalWeightGrams").value(7_800))
                .andExpect(jsonPath("$.parcels[0].code", containsString("JY")));
    }

    @Test
    void keepsAnOrderWithAnUnmappedSkuForAPersonAndTakesItOnceTheSkuIsMapped() throws Exception {
        String body = mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(orderJson("6921000000000000002", "NEW-SKU-1", "1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("NEEDS_ATTENTION"))
                .andExpect(jsonPath("$.attentionReason").value("no producer mapped for SKU NEW-SKU-1"))
                .andReturn().getResponse().getContentAsString();
        long id = com.jayway.jsonpath.JsonPath.parse(body).read("$.id", Long.class);
        mvc.perform(get("/api/orders").param("status", "NEEDS_ATTENTION").with(as(admin)))
                .andExpect(jsonPath("$.content[0].id").value(id));

        mvc.perform(post("/api/shops/{id}/sku-mappings", shop.id()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"platformSku": "NEW-SKU-1", "producerId": %d, "productName": "枸杞原浆",
                                 "unitWeightGrams": 800, "unitVolumeMl": 1500, "chilled": false}"""
                                .formatted(goji.id())))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/orders/{id}", id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_PICKUP"))
                .andExpect(jsonPath("$.attentionReason").doesNotExist())
                .andExpect(jsonPath("$.parcels[0].weightGrams").value(800))
                .andExpect(jsonPath("$.events[2].actor").value("sku-mapping"));
        // nothing left to retry
        mvc.perform(post("/api/orders/{id}/retry", id).with(as(admin))).andExpect(status().isConflict());
    }

    @Test
    void refusesADuplicatePlatformOrderIdAndKeepsTheFirst() throws Exception {
        String json = orderJson("6921000000000000003", gojiSku, "1");
        mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated());

        mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("6921000000000000003")))
                .andExpect(jsonPath("$.detail", containsString("already exists")));
        assertThat(ordersStored()).isEqualTo(1);
    }

    @Test
    void refusesUnknownReferencesAndAbsurdQuantitiesWritingNothing() throws Exception {
        mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(orderJson("1", gojiSku, "1").replace("\"shopId\": " + shop.id(), "\"shopId\": 987654")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shopId"));
        mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(orderJson("2", gojiSku, "-3")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
        mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(orderJson("3", gojiSku, "100000")))
                .andExpect(status().isBadRequest());
        // 200 crates of milk is no parcel: kept for a person, not planned
        mvc.perform(post("/api/orders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(orderJson("4", milkSku, "200")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("NEEDS_ATTENTION"))
                .andExpect(jsonPath("$.attentionReason", containsString("1300 kg")));
        assertThat(ordersStored()).isEqualTo(1);
    }

    @Test
    void refusesAbsurdUnitWeightsForSkus() throws Exception {
        for (String grams : new String[] {"-5", "0", "5000000"}) {
            mvc.perform(post("/api/shops/{id}/sku-mappings", shop.id()).with(as(admin))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"platformSku": "W-%s", "producerId": %d, "productName": "枸杞",
                                     "unitWeightGrams": %s, "unitVolumeMl": 1500}""".formatted(grams, goji.id(), grams)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("unitWeightGrams"));
        }
    }

    @Test
    void checksEveryStatusChange() throws Exception {
        long id = fixtures.paidOrder(shop, gojiSku, 1).id();

        mvc.perform(post("/api/orders/{id}/status", id).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"HANDED_TO_CARRIER\", \"carrier\": \"ZTO\", \"waybillNumber\": \"7831\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("cannot go from AWAITING_PICKUP to HANDED_TO_CARRIER")));
        mvc.perform(post("/api/orders/{id}/status", id).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"LOST\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/api/orders/{id}/status", id).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"NEEDS_ATTENTION\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/orders/{id}/status", id).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"CANCELLED\", \"note\": \"买家取消\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.events[2].note").value("买家取消"));
    }

    @Test
    void filtersOrdersByPlatformShopProducerAndDay() throws Exception {
        Shop kuaishou = fixtures.shop(coop, Platform.KUAISHOU, null);
        fixtures.paidOrder(shop, gojiSku, 1);
        fixtures.paidOrder(shop, milkSku, 1);
        fixtures.paidOrder(kuaishou, fixtures.sku(coop, kuaishou, goji, 650), 1);

        mvc.perform(get("/api/orders").param("platform", "DOUYIN").param("shopId", shop.platformShopId())
                        .with(as(admin)))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/orders").param("producerId", goji.id().toString()).with(as(admin)))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/orders").param("platform", "KUAISHOU").with(as(admin)))
                .andExpect(jsonPath("$.content[0].shopId").value(kuaishou.platformShopId()));
        mvc.perform(get("/api/orders").param("paidFrom", "2020-01-01").param("paidTo", "2020-01-02")
                        .with(as(admin)))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/orders").param("bbox", "106,38,105,37").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
    }

    @Test
    void showsASellerOnlyTheirOwnShopsOrders() throws Exception {
        JiyunUser seller = fixtures.user(coop, Role.SELLER);
        Shop own = fixtures.shop(coop, Platform.WECHAT, seller.userId());
        long ownOrder = fixtures.paidOrder(own, fixtures.sku(coop, own, goji, 650), 1).id();
        long otherOrder = fixtures.paidOrder(shop, gojiSku, 1).id();

        mvc.perform(get("/api/orders").with(as(seller)))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(ownOrder));
        mvc.perform(get("/api/orders/{id}", otherOrder).with(as(seller))).andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/{id}", ownOrder).with(as(seller))).andExpect(status().isOk());
        mvc.perform(get("/api/shops").with(as(seller)))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].shopId").value(own.platformShopId()));
        mvc.perform(post("/api/orders/{id}/status", ownOrder).with(as(seller)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"CANCELLED\"}")).andExpect(status().isForbidden());
    }

    @Test
    void hidesAnotherCooperativesOrders() throws Exception {
        long ours = fixtures.paidOrder(shop, gojiSku, 1).id();
        Cooperative other = fixtures.cooperative();
        JiyunUser otherAdmin = fixtures.user(other, Role.COOP_ADMIN);

        mvc.perform(get("/api/orders/{id}", ours).with(as(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/api/orders").with(as(otherAdmin))).andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(post("/api/orders").with(as(otherAdmin)).contentType(MediaType.APPLICATION_JSON)
                        .content(orderJson("5", gojiSku, "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shopId"));
    }
}
