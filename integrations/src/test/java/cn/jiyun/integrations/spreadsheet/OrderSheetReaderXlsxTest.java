package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.spreadsheet.OrderSheetFiles.Formula;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.SHOP_ID;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.row;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.shanghai;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

/** XLSX order sheets: the first sheet, text, numeric and date cells, formulas by their cached values. */
class OrderSheetReaderXlsxTest {

    private static final Object[] HEADER = row("订单号", "商品编码", "商品名称", "数量", "金额(元)", "付款时间",
            "最晚发货时间", "省", "市");

    private final OrderSheetReader reader = OrderSheetFiles.reader();

    @Test
    void readsDateNumericAndTextCells() {
        byte[] file = xlsx(HEADER,
                row("WX100", "GOJI-500G", "中宁枸杞 500克", 2, 99.8, LocalDateTime.of(2024, 5, 1, 9, 30),
                        LocalDateTime.of(2024, 5, 3, 18, 0), "宁夏回族自治区", "银川市"),
                row("WX101", 1768123456789L, "羊肉", "1", "158.00", "2024-05-02 08:05", null, "宁夏回族自治区", "吴忠市"));

        OrderSheet sheet = reader.read(SHOP_ID, "5月订单.xlsx", OrderSheetTemplate.XLSX_CONTENT_TYPE, file);

        assertThat(sheet.problems()).isEmpty();
        CanonicalOrder first = sheet.orders().get(0);
        assertThat(first.paidAt()).isEqualTo(shanghai("2024-05-01T09:30:00"));
        assertThat(first.shipBy()).isEqualTo(shanghai("2024-05-03T18:00:00"));
        assertThat(first.lines()).containsExactly(new OrderLine("GOJI-500G", "中宁枸杞 500克", 2, 9980));
        assertThat(first.rawPayload()).contains("\"paid_at\":\"2024-05-01 09:30:00\"", "\"amount_yuan\":\"99.8\"");

        CanonicalOrder second = sheet.orders().get(1);
        assertThat(second.lines()).containsExactly(new OrderLine("1768123456789", "羊肉", 1, 15800));
        assertThat(second.paidAt()).isEqualTo(shanghai("2024-05-02T08:05:00"));
        assertThat(second.buyerCity()).isEqualTo("吴忠市");
    }

    @Test
    void readsFormulasByTheValueExcelCached() {
        byte[] file = xlsx(HEADER,
                row("WX110", "GOJI-500G", "枸杞", new Formula("1+1"), new Formula("0.1+0.2"),
                        new Formula("DATE(2024,5,1)+TIME(9,30,0)"), null, new Formula("\"宁夏\"&\"回族自治区\""), "银川市"));

        OrderSheet sheet = reader.read(SHOP_ID, "orders.xlsx", null, file);

        assertThat(sheet.problems()).isEmpty();
        CanonicalOrder order = sheet.orders().get(0);
        assertThat(order.lines().get(0).quantity()).isEqualTo(2);
        // 0.1 + 0.2 is 0.30000000000000004 in binary; Excel shows 15 digits and so do we
        assertThat(order.totalAmountFen()).isEqualTo(30);
        assertThat(order.buyerProvince()).isEqualTo("宁夏回族自治区");
        // a formula's number is a date serial here, so the paid time column reads it as one
        assertThat(order.paidAt()).isEqualTo(shanghai("2024-05-01T09:30:00"));
    }

    @Test
    void readsEnglishHeadersAndTheFirstSheetOnly() {
        byte[] file = xlsx(sheet -> sheet.getWorkbook().createSheet("说明").createRow(0).createCell(0)
                        .setCellValue("这一页不是订单"),
                row("Order ID", "SKU", "Quantity", "Amount (yuan)", "Paid At"),
                row("WX120", "GOJI-500G", 1, 49.9, LocalDateTime.of(2024, 5, 1, 9, 30)));

        OrderSheet sheet = reader.read(SHOP_ID, "orders.xlsx", null, file);

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.orders()).singleElement().satisfies(o -> assertThat(o.totalAmountFen()).isEqualTo(4990));
    }

    @Test
    void reportsALongOrderIdThatExcelStoredAsANumber() {
        byte[] file = xlsx(HEADER,
                row(6921234567890123456d, "GOJI-500G", "枸杞", 1, 49.9, LocalDateTime.of(2024, 5, 1, 9, 30)));

        OrderSheet sheet = reader.read(SHOP_ID, "orders.xlsx", null, file);

        assertThat(sheet.orders()).isEmpty();
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo("订单号");
            assertThat(problem.reason()).contains("文本", "format the column as Text");
        });
    }

    @Test
    void givesEveryRowOfAMergedOrderCellItsValue() {
        byte[] file = xlsx(sheet -> {
                    sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
                    sheet.addMergedRegion(new CellRangeAddress(1, 2, 5, 5));
                },
                HEADER,
                row("WX130", "GOJI-500G", "枸杞", 1, 49.9, LocalDateTime.of(2024, 5, 1, 9, 30)),
                row(null, "MILK-12", "牛奶", 2, 72, null));

        OrderSheet sheet = reader.read(SHOP_ID, "orders.xlsx", null, file);

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.orders()).singleElement().satisfies(order -> {
            assertThat(order.lines()).extracting(OrderLine::platformSku).containsExactly("GOJI-500G", "MILK-12");
            assertThat(order.totalAmountFen()).isEqualTo(12190);
        });
    }

    @Test
    void numbersRowsAsExcelShowsThemWhenBlankRowsComeBetween() {
        byte[] file = xlsx(HEADER,
                row("WX140", "GOJI-500G", "枸杞", 1, 49.9, LocalDateTime.of(2024, 5, 1, 9, 30)),
                row(),
                row("WX141", "GOJI-500G", "枸杞", 1.5, 49.9, LocalDateTime.of(2024, 5, 1, 9, 30)));

        OrderSheet sheet = reader.read(SHOP_ID, "orders.xlsx", null, file);

        assertThat(sheet.orders()).hasSize(1);
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo("数量");
            assertThat(problem.rowText()).startsWith("WX141,GOJI-500G,枸杞,1.5,49.9,2024-05-01 09:30:00");
        });
    }
}
