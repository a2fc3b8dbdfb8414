package cn.jiyun.fulfillment.errors;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
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
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Values that parse but cannot be meant are refused with a 400 naming the field, and nothing is stored:
 * each of these was accepted once (a payment in 2099, a plan for yesterday, 1.5 fen per km stored as 1,
 * 1.5 days planned as 1, a producer named only with invisible characters).
 */
@H2gisTest
class ImplausibleValuesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Cooperative coop;
    JiyunUser admin;
    Hub hub;

    @BeforeEach
    void cooperative() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        hub = fixtures.hub(coop, "中宁", 105.68, 37.49);
    }

    private ResultActions post(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE cooperative_id = :c").param("c", coop.id())
                .query(Long.class).single();
    }

    private static void refused(ResultActions answer, String field) throws Exception {
        answer.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void refusesAnOrderPaidInTheFutureButTakesOnePaidAnHourAgo() throws Exception {
        Producer producer = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        String sku = fixtures.sku(coop, shop, producer, 650);
        String order = """
                {"shopId": %d, "platformOrderId": "%s", "buyerProvince": "广东省", "buyerCity": "深圳市",
                 "paidAt": "%s", "lines": [{"platformSku": "%s", "title": "中宁枸杞", "quantity": 1, "amountFen": 6800}]}""";
        refused(post("/api/orders", order.formatted(shop.id(), "6921000000000000901", "2099-11-28T02:00:00Z", sku)),
                "paidAt");
        assertThat(rows("orders")).isZero();
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        post("/api/orders", order.formatted(shop.id(), "6921000000000000902", anHourAgo, sku))
                .andExpect(status().isCreated());
        assertThat(rows("orders")).isOne();
    }

    @Test
    void refusesAPlanForYesterdayAndAFractionOfADay() throws Exception {
        LocalDate yesterday = LocalDate.now(cn.jiyun.fulfillment.ChinaTime.ZONE).minusDays(1);
        refused(post("/api/plans", """
                {"hubIds": [%d], "days": 1, "seconds": 1, "firstDay": "%s"}""".formatted(hub.id(), yesterday)),
                "firstDay");
        refused(post("/api/plans", """
                {"hubIds": [%d], "days": 1.5, "seconds": 1}""".formatted(hub.id())), "days");
        assertThat(rows("plan")).isZero();
    }

    @Test
    void refusesAFractionOfAFen() throws Exception {
        refused(post("/api/vehicles", """
                {"homeHubId": %d, "name": "冷藏车", "plate": "宁E·12345", "capacityKg": 1200, "capacityLitres": 7000,
                 "refrigerated": true, "costPerKmFen": 1.5, "fixedCostPerDayFen": 42000,
                 "shiftStart": "06:30", "shiftEnd": "17:30"}""".formatted(hub.id())), "costPerKmFen");
        assertThat(rows("vehicle")).isZero();
    }

    @Test
    void refusesANameOfInvisibleCharactersOnly() throws Exception {
        refused(post("/api/producers", """
                {"name": "\\u200b\\u3000 ", "contactName": "马先生", "phone": "13900000001",
                 "address": "中宁县鸣沙镇 3 组", "countyCode": "640521",
                 "location": {"longitude": 105.80, "latitude": 37.45}, "shipsChilled": false,
                 "pickupWindows": [{"startsAt": "08:00", "endsAt": "12:00"}]}"""), "name");
        assertThat(rows("producer")).isZero();
    }
}
