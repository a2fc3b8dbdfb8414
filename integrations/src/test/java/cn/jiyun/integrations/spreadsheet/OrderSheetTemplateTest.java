package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.SHOP_ID;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/** The template the upload page offers reads back as its example order. */
class OrderSheetTemplateTest {

    private final OrderSheetTemplate template = new OrderSheetTemplate();
    private final OrderSheetReader reader = OrderSheetFiles.reader();

    @Test
    void csvTemplateStartsWithAByteOrderMarkAndListsEveryColumn() {
        byte[] csv = template.csv();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("订单号,商品编码,商品名称,数量,金额(元),付款时间,最晚发货时间,省,市\r\n");
    }

    @Test
    void csvTemplateReadsBackAsItsExampleOrder() {
        OrderSheet sheet = reader.read(SHOP_ID, OrderSheetTemplate.CSV_FILE_NAME, OrderSheetTemplate.CSV_CONTENT_TYPE,
                template.csv());

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.ignoredColumns()).isEmpty();
        assertExampleOrder(sheet);
    }

    @Test
    void xlsxTemplateReadsBackAsItsExampleOrder() {
        OrderSheet sheet = reader.read(SHOP_ID, OrderSheetTemplate.XLSX_FILE_NAME, OrderSheetTemplate.XLSX_CONTENT_TYPE,
                template.xlsx());

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.ignoredColumns()).isEmpty();
        assertExampleOrder(sheet);
    }

    @Test
    void xlsxTemplateKeepsIdsAsTextSoExcelDoesNotRoundThem() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.xlsx()))) {
            Row example = workbook.getSheetAt(0).getRow(1);
            assertThat(example.getCell(SheetColumn.ORDER_ID.ordinal()).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(workbook.getSheetAt(0).getColumnStyle(SheetColumn.ORDER_ID.ordinal()).getDataFormatString())
                    .isEqualTo("@");
            assertThat(workbook.getSheetAt(0).getColumnStyle(SheetColumn.SKU.ordinal()).getDataFormatString())
                    .isEqualTo("@");
        }
    }

    private static void assertExampleOrder(OrderSheet sheet) {
        assertThat(sheet.orders()).singleElement().satisfies(order -> {
            assertThat(order.platformOrderId()).isEqualTo(OrderSheetTemplate.EXAMPLE_ORDER_ID);
            assertThat(order.lines()).containsExactly(new OrderLine("GOJI-500G", "中宁枸杞 特级 500克", 2, 9980));
            assertThat(order.totalAmountFen()).isEqualTo(9980);
            assertThat(order.paidAt()).isEqualTo(shanghai("2024-05-01T09:30:00"));
            assertThat(order.shipBy()).isEqualTo(shanghai("2024-05-03T18:00:00"));
            assertThat(order.buyerProvince()).isEqualTo("宁夏回族自治区");
            assertThat(order.buyerCity()).isEqualTo("银川市");
        });
        CanonicalOrder order = sheet.orders().get(0);
        assertThat(order.rawPayload()).startsWith("{\"rows\":[{\"row\":2,\"order_id\":\"WX20240501001\"");
    }
}
