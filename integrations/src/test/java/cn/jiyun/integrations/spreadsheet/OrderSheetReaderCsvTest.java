package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.HEADER;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.SHOP_ID;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.csv;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/** CSV order sheets as cooperatives save them from Excel or WPS. */
class OrderSheetReaderCsvTest {

    private final OrderSheetReader reader = OrderSheetFiles.reader();

    @Test
    void readsAGoodSheetIntoPaidOrdersWithExactFenAndShanghaiTimes() {
        OrderSheet sheet = reader.read(SHOP_ID, "5月订单.csv", "text/csv", csv(
                HEADER,
                "WX001,GOJI-500G,中宁枸杞 500克,2,99.80,2024-05-01 09:30,2024-05-03 18:00,宁夏回族自治区,银川市",
                "WX002,TAN-LAMB-1KG,盐池滩羊肉 1公斤,1,158,2024/5/2 8:05,,宁夏回族自治区,吴忠市",
                "WX003,MILK-12,鲜牛奶 12盒,3,0.1,2024-05-02 10:00:59,,,"));

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.dataRows()).isEqualTo(3);
        assertThat(sheet.orders()).extracting(CanonicalOrder::platformOrderId).containsExactly("WX001", "WX002", "WX003");

        CanonicalOrder first = sheet.orders().get(0);
        assertThat(first.platform()).isEqualTo(Platform.SPREADSHEET);
        assertThat(first.shopId()).isEqualTo(SHOP_ID);
        assertThat(first.status()).isEqualTo(PlatformOrderStatus.PAID);
        assertThat(first.paidAt()).isEqualTo(shanghai("2024-05-01T09:30:00")).isEqualTo("2024-05-01T01:30:00Z");
        assertThat(first.createdAt()).isEqualTo(first.paidAt());
        assertThat(first.updatedAt()).isEqualTo(first.paidAt());
        assertThat(first.shipBy()).isEqualTo(shanghai("2024-05-03T18:00:00"));
        assertThat(first.totalAmountFen()).isEqualTo(9980);
        assertThat(first.buyerProvince()).isEqualTo("宁夏回族自治区");
        assertThat(first.buyerCity()).isEqualTo("银川市");
        assertThat(first.lines()).containsExactly(new OrderLine("GOJI-500G", "中宁枸杞 500克", 2, 9980));

        CanonicalOrder second = sheet.orders().get(1);
        assertThat(second.paidAt()).isEqualTo(shanghai("2024-05-02T08:05:00"));
        assertThat(second.shipBy()).isNull();
        assertThat(second.totalAmountFen()).isEqualTo(15800);

        CanonicalOrder third = sheet.orders().get(2);
        assertThat(third.paidAt()).isEqualTo(shanghai("2024-05-02T10:00:59"));
        assertThat(third.totalAmountFen()).isEqualTo(10);
        assertThat(third.buyerProvince()).isEmpty();
    }

    @Test
    void groupsRowsWithTheSameOrderIdIntoTheLinesOfOneOrder() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(
                HEADER,
                "WX010,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,宁夏回族自治区,中卫市",
                "WX011,MILK-12,牛奶,1,36,2024-05-01 10:00,,宁夏回族自治区,吴忠市",
                "WX010,TAN-LAMB-1KG,羊肉,2,316.00,2024-05-01 09:30,,宁夏回族自治区,中卫市"));

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.orders()).hasSize(2);
        CanonicalOrder twoLines = sheet.orders().get(0);
        assertThat(twoLines.platformOrderId()).isEqualTo("WX010");
        assertThat(twoLines.lines()).containsExactly(
                new OrderLine("GOJI-500G", "枸杞", 1, 4990),
                new OrderLine("TAN-LAMB-1KG", "羊肉", 2, 31600));
        assertThat(twoLines.totalAmountFen()).isEqualTo(36590);
        assertThat(sheet.sheetOrders().get(0).rows()).extracting(SheetOrder.Row::number).containsExactly(2, 4);
    }

    @Test
    void decodesGbkAsExcelOnChineseWindowsWritesIt() {
        byte[] gbk = csv(Charset.forName("GBK"), HEADER,
                "WX020,GOJI-500G,中宁枸杞 500克,1,49.90,2024-05-01 09:30,,宁夏回族自治区,固原市");

        OrderSheet sheet = reader.read(SHOP_ID, "订单.csv", "application/vnd.ms-excel", gbk);

        assertThat(sheet.problems()).isEmpty();
        CanonicalOrder order = sheet.orders().get(0);
        assertThat(order.lines().get(0).title()).isEqualTo("中宁枸杞 500克");
        assertThat(order.buyerProvince()).isEqualTo("宁夏回族自治区");
        assertThat(order.buyerCity()).isEqualTo("固原市");
    }

    @Test
    void skipsTheUtf8ByteOrderMarkBeforeTheFirstHeader() {
        byte[] text = csv(HEADER, "WX030,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,");
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", "text/csv", withBom);

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.orders()).extracting(CanonicalOrder::platformOrderId).containsExactly("WX030");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAsOneRow() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(
                HEADER,
                "WX040,GOJI-500G,\"枸杞, 特级 \"\"头茬\"\"\n500克\",1,\"1,299.00\",2024-05-01 09:30,,,",
                "WX041,MILK-12,牛奶,x,36,2024-05-01 09:30,,,"));

        assertThat(sheet.orders()).singleElement().satisfies(order -> {
            assertThat(order.lines().get(0).title()).isEqualTo("枸杞, 特级 \"头茬\"\n500克");
            assertThat(order.totalAmountFen()).isEqualTo(129900);
        });
        // the quoted line break does not start a new row: the next record is row 3, as Excel shows it
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("数量");
        });
    }

    @Test
    void acceptsEnglishHeadersInAnyOrderCaseAndSpacingAndIgnoresUnknownColumns() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(
                " Paid_At ,ORDER_ID,Remark,Amount_Yuan,sku,Quantity , City",
                "2024-05-01 09:30,WX050,请尽快发货,12.5,GOJI-500G,1,银川市"));

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.ignoredColumns()).containsExactly("Remark");
        CanonicalOrder order = sheet.orders().get(0);
        assertThat(order.platformOrderId()).isEqualTo("WX050");
        assertThat(order.totalAmountFen()).isEqualTo(1250);
        assertThat(order.buyerCity()).isEqualTo("银川市");
        assertThat(order.rawPayload()).doesNotContain("请尽快发货");
    }

    @Test
    void acceptsChineseHeadersWithFullWidthParenthesesAndSpaces() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(
                "订单号,商品编码,数量,金额（元）,付款 时间,省份,城市",
                "WX060,GOJI-500G,１,４９.９０,２０２４-０５-０１ ０９：３０,宁夏回族自治区,银川市"));

        assertThat(sheet.problems()).isEmpty();
        CanonicalOrder order = sheet.orders().get(0);
        assertThat(order.totalAmountFen()).isEqualTo(4990);
        assertThat(order.lines().get(0).quantity()).isEqualTo(1);
        assertThat(order.paidAt()).isEqualTo(shanghai("2024-05-01T09:30:00"));
        assertThat(order.buyerProvince()).isEqualTo("宁夏回族自治区");
    }

    @Test
    void ignoresBuyerDetailColumnsAndKeepsThemOutOfThePayloadAndTheRowText() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(
                "订单号,收件人,手机号,商品编码,数量,金额(元),付款时间,收货地址,省,市,Buyer Name,phone",
                "WX070,张三,13800000021,GOGI,1,49.90,2024-05-01 09:30,南关街1号,宁夏回族自治区,银川市,Zhang San,13900000000",
                "WX071,李四,13800000022,GOJI-500G,0,49.90,2024-05-01 09:30,北关街2号,宁夏回族自治区,银川市,Li Si,13900000001"));

        assertThat(sheet.ignoredColumns()).containsExactly("收件人", "手机号", "收货地址", "Buyer Name", "phone");
        CanonicalOrder order = sheet.orders().get(0);
        assertThat(order.rawPayload())
                .contains("\"order_id\":\"WX070\"", "\"province\":\"宁夏回族自治区\"", "\"row\":2")
                .doesNotContain("张三", "13800000021", "南关街1号", "Zhang San", "13900000000");
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.rowText()).contains("WX071", "GOJI-500G")
                    .doesNotContain("李四", "13800000022", "北关街2号", "Li Si", "13900000001");
        });
    }

    @Test
    void countsBlankLinesInRowNumbersButDoesNotReportThem() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(
                HEADER,
                "WX080,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,",
                "",
                ",,,,,,,,",
                "WX081,GOJI-500G,枸杞,-1,49.90,2024-05-01 09:30,,,"));

        assertThat(sheet.dataRows()).isEqualTo(2);
        assertThat(sheet.orders()).hasSize(1);
        assertThat(sheet.problems()).extracting(RowProblem::row).containsExactly(5);
    }

    @Test
    void readsLongIdsKeptAsTextByExcelsEqualsQuoteTrick() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(
                HEADER,
                "=\"6921234567890123456\",=\"1768123456789012\",枸杞,1,49.90,2024-05-01 09:30,,,"));

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.orders().get(0).platformOrderId()).isEqualTo("6921234567890123456");
        assertThat(sheet.orders().get(0).lines().get(0).platformSku()).isEqualTo("1768123456789012");
    }

    @Test
    void readsPlainUtf8WithoutBom() {
        byte[] bytes = (HEADER + "\nWX090,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,").getBytes(StandardCharsets.UTF_8);

        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, bytes);

        assertThat(sheet.orders()).singleElement().satisfies(o -> assertThat(o.lines().get(0).title()).isEqualTo("枸杞"));
    }
}
