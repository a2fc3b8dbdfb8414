package cn.jiyun.integrations.spreadsheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Order sheets made in the test, as cooperatives would upload them. */
final class OrderSheetFiles {

    static final String SHOP_ID = "coop-ningxia-offline";

    /** Well after every paid time in these tests, so none counts as future. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    static final String HEADER = "订单号,商品编码,商品名称,数量,金额(元),付款时间,最晚发货时间,省,市";

    private OrderSheetFiles() {
    }

    static OrderSheetReader reader() {
        return new OrderSheetReader(SpreadsheetProperties.defaults(), CLOCK);
    }

    static byte[] csv(String... lines) {
        return csv(StandardCharsets.UTF_8, lines);
    }

    static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OrderSheetReader.SHEET_ZONE).toInstant();
    }

    /** A formula cell; its value is calculated before saving, as Excel caches it. */
    record Formula(String expression) {
    }

    /** One sheet with these rows: strings as text, numbers as numeric cells, {@link LocalDateTime} as date cells. */
    static byte[] xlsx(Object[]... rows) {
        return xlsx(sheet -> {
        }, rows);
    }

    static byte[] xlsx(Consumer<Sheet> adjust, Object[]... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("订单");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm"));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof String text) {
                        cell.setCellValue(text);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDateTime time) {
                        cell.setCellValue(time);
                        cell.setCellStyle(date);
                    } else if (value instanceof Formula formula) {
                        cell.setCellFormula(formula.expression());
                    } else {
                        throw new IllegalArgumentException("no cell for " + value);
                    }
                }
            }
            adjust.accept(sheet);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object[] row(Object... cells) {
        return cells;
    }
}
