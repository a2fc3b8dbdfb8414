package cn.jiyun.fulfillment.intake;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Orders from spreadsheets through the API: good rows go in, bad rows come back with their reasons. */
@H2gisTest
class SpreadsheetUploadTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    Cooperative coop;
    JiyunUser admin;
    Shop sheetShop;
    String sku;

    @BeforeEach
    void spreadsheetShop() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
        Producer producer = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        sheetShop = fixtures.shop(coop, Platform.SPREADSHEET, null);
        sku = fixtures.sku(coop, sheetShop, producer, 650);
    }

    private MockMultipartFile csv(String body) {
        return new MockMultipartFile("file", "微信群订单.csv", "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    private String sheet() {
        return """
                订单号,商品编码,商品名称,数量,金额(元),付款时间,最晚发货时间,省,市,收件人,电话
                WX-1,%1$s,中宁枸杞,2,136.00,2026-11-28 09:30,2026-11-30 18:00,广东省,深圳市,某某,13800000000
                WX-2,%1$s,中宁枸杞,1,68.00,2026-11-28 10:00,,上海市,上海市,某某,13800000001
                WX-3,%1$s,中宁枸杞,零,68.00,2026-11-28 10:00,,上海市,上海市,某某,13800000002
                """.formatted(sku);
    }

    @Test
    void takesTheGoodRowsAndReportsTheBadOnes() throws Exception {
        mvc.perform(multipart("/api/shops/{id}/order-sheets", sheetShop.id()).file(csv(sheet())).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.problems[0].row").value(4))
                .andExpect(jsonPath("$.problems[0].reason", containsString("数量")));

        mvc.perform(get("/api/orders").param("platform", "SPREADSHEET").param("shopId", sheetShop.platformShopId())
                        .param("sort", "platformOrderId").with(as(admin)))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].platformOrderId").value("WX-1"))
                .andExpect(jsonPath("$.content[0].status").value("AWAITING_PICKUP"))
                .andExpect(jsonPath("$.content[0].amountFen").value(13_600));

        // the same sheet again changes nothing
        mvc.perform(multipart("/api/shops/{id}/order-sheets", sheetShop.id()).file(csv(sheet())).with(as(admin)))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
    }

    @Test
    void refusesAnUnreadableSheetAndAPlatformShop() throws Exception {
        mvc.perform(multipart("/api/shops/{id}/order-sheets", sheetShop.id())
                        .file(new MockMultipartFile("file", "orders.xlsx", "application/octet-stream",
                                "not a workbook".getBytes(StandardCharsets.UTF_8)))
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.refusal").exists());
        Shop douyin = fixtures.shop(coop, Platform.DOUYIN, null);
        mvc.perform(multipart("/api/shops/{id}/order-sheets", douyin.id()).file(csv(sheet())).with(as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/shops/{id}/order-sheets", sheetShop.id()).file(csv(sheet()))
                        .with(as(fixtures.user(coop, Role.SELLER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void offersTemplates() throws Exception {
        mvc.perform(get("/api/order-sheets/template.xlsx").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("xlsx")));
        mvc.perform(get("/api/order-sheets/template.csv").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")));
    }
}
