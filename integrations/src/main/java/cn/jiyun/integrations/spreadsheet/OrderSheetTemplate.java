package cn.jiyun.integrations.spreadsheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The order sheet the upload page offers: every column's header and one example order, as CSV
 * and as XLSX. Reading either back gives the example order.
 */
public class OrderSheetTemplate {

    public static final String CSV_FILE_NAME = "集运订单模板.csv";
    public static final String XLSX_FILE_NAME = "集运订单模板.xlsx";
    public static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8";
    public static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The example row's values, in {@link SheetColumn} order. */
    static final String EXAMPLE_ORDER_ID = "WX20240501001";
    private static final String EXAMPLE_SKU = "GOJI-500G";
    private static final String EXAMPLE_TITLE = "中宁枸杞 特级 500克";
    private static final int EXAMPLE_QUANTITY = 2;
    private static final BigDecimal EXAMPLE_AMOUNT_YUAN = new BigDecimal("99.80");
    private static final LocalDateTime EXAMPLE_PAID_AT = LocalDateTime.of(2024, 5, 1, 9, 30);
    private static final LocalDateTime EXAMPLE_SHIP_BY = LocalDateTime.of(2024, 5, 3, 18, 0);
    private static final String EXAMPLE_PROVINCE = "宁夏回族自治区";
    private static final String EXAMPLE_CITY = "银川市";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** UTF-8 with a byte-order mark, which is how Excel knows it is not GBK; CRLF lines as Excel writes. */
    public byte[] csv() {
        String header = Arrays.stream(SheetColumn.values()).map(SheetColumn::chineseName).collect(Collectors.joining(","));
        String example = String.join(",", List.of(EXAMPLE_ORDER_ID, EXAMPLE_SKU, EXAMPLE_TITLE,
                String.valueOf(EXAMPLE_QUANTITY), EXAMPLE_AMOUNT_YUAN.toPlainString(), "2024-05-01 09:30",
                "2024-05-03 18:00", EXAMPLE_PROVINCE, EXAMPLE_CITY));
        byte[] text = (header + "\r\n" + example + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] csv = Arrays.copyOf(UTF8_BOM, UTF8_BOM.length + text.length);
        System.arraycopy(text, 0, csv, UTF8_BOM.length, text.length);
        return csv;
    }

    /**
     * One sheet, headers in bold; order id and SKU columns formatted as text so Excel keeps long ids
     * whole, times as date cells.
     */
    public byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("订单");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = style(workbook, "@");
            CellStyle time = style(workbook, "yyyy-mm-dd hh:mm");
            CellStyle yuan = style(workbook, "0.00");

            Row header = sheet.createRow(0);
            for (SheetColumn column : SheetColumn.values()) {
                Cell cell = header.createCell(column.ordinal());
                cell.setCellValue(column.chineseName());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(column.ordinal(), 18 * 256);
            }
            sheet.setDefaultColumnStyle(SheetColumn.ORDER_ID.ordinal(), text);
            sheet.setDefaultColumnStyle(SheetColumn.SKU.ordinal(), text);
            sheet.setDefaultColumnStyle(SheetColumn.AMOUNT_YUAN.ordinal(), yuan);
            sheet.setDefaultColumnStyle(SheetColumn.PAID_AT.ordinal(), time);
            sheet.setDefaultColumnStyle(SheetColumn.SHIP_BY.ordinal(), time);

            Row example = sheet.createRow(1);
            set(example, SheetColumn.ORDER_ID, text).setCellValue(EXAMPLE_ORDER_ID);
            set(example, SheetColumn.SKU, text).setCellValue(EXAMPLE_SKU);
            set(example, SheetColumn.TITLE, null).setCellValue(EXAMPLE_TITLE);
            set(example, SheetColumn.QUANTITY, null).setCellValue(EXAMPLE_QUANTITY);
            set(example, SheetColumn.AMOUNT_YUAN, yuan).setCellValue(EXAMPLE_AMOUNT_YUAN.doubleValue());
            set(example, SheetColumn.PAID_AT, time).setCellValue(EXAMPLE_PAID_AT);
            set(example, SheetColumn.SHIP_BY, time).setCellValue(EXAMPLE_SHIP_BY);
            set(example, SheetColumn.PROVINCE, null).setCellValue(EXAMPLE_PROVINCE);
            set(example, SheetColumn.CITY, null).setCellValue(EXAMPLE_CITY);
            sheet.createFreezePane(0, 1);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the template in memory failed", e);
        }
    }

    private static CellStyle style(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static Cell set(Row row, SheetColumn column, CellStyle style) {
        Cell cell = row.createCell(column.ordinal());
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }
}
