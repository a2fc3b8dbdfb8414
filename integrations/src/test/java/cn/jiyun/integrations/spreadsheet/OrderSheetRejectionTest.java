package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.spreadsheet.SheetRejectedException.Refusal;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.CLOCK;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.HEADER;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.SHOP_ID;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.csv;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.row;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Files that cannot be read as an order sheet are refused whole, with one reason and no stack trace. */
class OrderSheetRejectionTest {

    private final OrderSheetReader reader = OrderSheetFiles.reader();

    private SheetRejectedException refusal(String fileName, byte[] content) {
        return catchThrowableOfType(SheetRejectedException.class, () -> reader.read(SHOP_ID, fileName, null, content));
    }

    @Test
    void refusesAnEmptyFile() {
        SheetRejectedException refused = refusal("orders.csv", new byte[0]);

        assertThat(refused.refusal()).isEqualTo(Refusal.EMPTY);
        assertThat(refused.reason()).isEqualTo("文件是空的 (the file is empty)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n\r\n", "\uFEFF", " , , \n"})
    void refusesAFileWithNothingButBlankLines(String content) {
        assertThat(refusal("orders.csv", content.getBytes(StandardCharsets.UTF_8)).refusal()).isEqualTo(Refusal.EMPTY);
    }

    @Test
    void refusesAWorkbookWhoseFirstSheetIsEmpty() {
        byte[] file = xlsx(sheet -> sheet.getWorkbook().createSheet("第二页").createRow(0).createCell(0).setCellValue("订单号"));

        SheetRejectedException refused = refusal("orders.xlsx", file);

        assertThat(refused.refusal()).isEqualTo(Refusal.EMPTY);
        assertThat(refused.reason()).contains("only the first sheet is read");
    }

    @Test
    void refusesAHeaderOnlyFile() {
        SheetRejectedException refused = refusal("orders.csv", csv(HEADER, ",,,,,,,,"));

        assertThat(refused.refusal()).isEqualTo(Refusal.NO_ORDERS);
        assertThat(refused.reason()).contains("没有订单行", "no order rows");
    }

    @Test
    void refusesAHeaderOnlyWorkbook() {
        assertThat(refusal("orders.xlsx", xlsx(row("订单号", "商品编码", "数量", "金额(元)", "付款时间"))).refusal())
                .isEqualTo(Refusal.NO_ORDERS);
    }

    @Test
    void refusesAWrongHeaderNamingWhatIsMissing() {
        SheetRejectedException refused = refusal("orders.csv", csv(
                "订单,商品,数量,价格,时间",
                "WX300,GOJI-500G,1,49.90,2024-05-01 09:30"));

        assertThat(refused.refusal()).isEqualTo(Refusal.BAD_HEADER);
        assertThat(refused.reason())
                .contains("第1行应该是表头", "订单号、商品编码、金额(元)、付款时间")
                .contains("lacks order_id, sku, amount_yuan, paid_at");
    }

    @Test
    void refusesASheetWhoseFirstRowIsAlreadyAnOrder() {
        SheetRejectedException refused = refusal("orders.csv", csv("WX301,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,"));

        assertThat(refused.refusal()).isEqualTo(Refusal.BAD_HEADER);
    }

    @Test
    void refusesAHeaderWithTheSameColumnTwice() {
        SheetRejectedException refused = refusal("orders.csv", csv(HEADER + ",quantity",
                "WX302,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,,1"));

        assertThat(refused.refusal()).isEqualTo(Refusal.BAD_HEADER);
        assertThat(refused.reason()).contains("“数量”出现了两次", "quantity twice");
    }

    @Test
    void refusesACorruptWorkbook() {
        byte[] good = xlsx(row("订单号"), row("WX303"));
        byte[] truncated = Arrays.copyOf(good, good.length / 2);

        SheetRejectedException refused = refusal("orders.xlsx", truncated);

        assertThat(refused.refusal()).isEqualTo(Refusal.UNREADABLE);
        assertThat(refused.reason()).contains("可能已损坏", "may be damaged");
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(refusal("orders.xlsx", bytes.toByteArray()).refusal()).isEqualTo(Refusal.UNREADABLE);
    }

    @Test
    void refusesAFileNamedXlsxThatIsText() {
        assertThat(refusal("orders.xlsx", csv(HEADER)).refusal()).isEqualTo(Refusal.UNREADABLE);
    }

    @Test
    void refusesALegacyXlsWorkbookAskingForXlsxOrCsv() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("订单").createRow(0).createCell(0).setCellValue("订单号");
            workbook.write(bytes);
        }

        SheetRejectedException refused = refusal("orders.xls", bytes.toByteArray());

        assertThat(refused.refusal()).isEqualTo(Refusal.LEGACY_XLS);
        assertThat(refused.reason()).contains(".xlsx", "CSV UTF-8", "old .xls workbook");
        // the same bytes under another name are still recognised
        assertThat(refusal("orders.xlsx", bytes.toByteArray()).refusal()).isEqualTo(Refusal.LEGACY_XLS);
    }

    @Test
    void refusesAFileNamedXlsWhateverItHolds() {
        assertThat(refusal("orders.xls", csv(HEADER, "WX304,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,")).refusal())
                .isEqualTo(Refusal.LEGACY_XLS);
    }

    @Test
    void refusesOtherFileTypes() {
        SheetRejectedException refused = refusal("orders.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));

        assertThat(refused.refusal()).isEqualTo(Refusal.UNSUPPORTED_TYPE);
        assertThat(refused.reason()).contains("只能上传 .xlsx 或 .csv");
    }

    @Test
    void refusesBinaryContentNamedCsv() {
        assertThat(refusal("orders.csv", new byte[]{1, 0, 2, 0}).refusal()).isEqualTo(Refusal.UNREADABLE);
    }

    @Test
    void refusesAnUnclosedQuoteNamingItsRow() {
        SheetRejectedException refused = refusal("orders.csv", csv(HEADER,
                "WX305,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,",
                "WX306,GOJI-500G,\"枸杞,1,49.90,2024-05-01 09:30,,,"));

        assertThat(refused.refusal()).isEqualTo(Refusal.UNREADABLE);
        assertThat(refused.reason()).contains("第3行", "row 3");
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        OrderSheetReader small = new OrderSheetReader(
                new SpreadsheetProperties(DataSize.ofBytes(100), 5000, DataSize.ofMegabytes(25)), CLOCK);
        byte[] file = csv(HEADER, "WX307,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,", "WX308,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,");

        assertThatThrownBy(() -> small.read(SHOP_ID, "orders.csv", null, file))
                .isInstanceOfSatisfying(SheetRejectedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(Refusal.TOO_LARGE);
                    assertThat(e.reason()).contains("split it");
                });
        assertThatThrownBy(() -> small.read(SHOP_ID, "orders.csv", null, new ByteArrayInputStream(file)))
                .isInstanceOfSatisfying(SheetRejectedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.TOO_LARGE));
    }

    @Test
    void refusesAFileWithMoreRowsThanTheLimit() {
        OrderSheetReader limited = new OrderSheetReader(
                new SpreadsheetProperties(DataSize.ofMegabytes(5), 3, DataSize.ofMegabytes(25)), CLOCK);
        String[] lines = IntStream.rangeClosed(0, 4)
                .mapToObj(i -> i == 0 ? HEADER : "WX31" + i + ",GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,")
                .toArray(String[]::new);

        SheetRejectedException refused = catchThrowableOfType(SheetRejectedException.class,
                () -> limited.read(SHOP_ID, "orders.csv", null, csv(lines)));

        assertThat(refused.refusal()).isEqualTo(Refusal.TOO_MANY_ROWS);
        assertThat(refused.reason()).contains("4 行", "at most 3");
    }

    @Test
    void acceptsFiveThousandRowsByDefault() {
        String rows = IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> "WX" + i + ",GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,")
                .collect(Collectors.joining("\n"));

        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(HEADER, rows));

        assertThat(sheet.orders()).hasSize(5000);
        assertThat(sheet.problems()).isEmpty();
    }

    @Test
    void refusesAWorkbookThatUnpacksBeyondTheLimit() {
        OrderSheetReader limited = new OrderSheetReader(
                new SpreadsheetProperties(DataSize.ofMegabytes(5), 5000, DataSize.ofKilobytes(4)), CLOCK);
        byte[] file = xlsx(row("订单号", "商品编码", "数量", "金额(元)", "付款时间"),
                row("WX320", "GOJI-500G", 1, 49.9, "2024-05-01 09:30"));

        SheetRejectedException refused = catchThrowableOfType(SheetRejectedException.class,
                () -> limited.read(SHOP_ID, "orders.xlsx", null, file));

        assertThat(refused.refusal()).isEqualTo(Refusal.TOO_LARGE);
    }
}
