package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.spreadsheet.SheetRejectedException.Refusal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the first sheet of an XLSX order sheet: text, numeric and date cells, and formulas by the
 * value Excel cached when it saved the file (nothing is recalculated here).
 */
final class XlsxSheet {

    private static final String UNREADABLE = "无法打开这个 Excel 文件，它可能已损坏；请在 Excel 里重新保存为 .xlsx 或 CSV 后再上传 "
            + "(this Excel file cannot be opened and may be damaged; save it again as .xlsx or CSV and upload again)";

    /** Far more columns than an order sheet has; merged regions are not followed beyond. */
    private static final int MAX_COLUMNS = 255;

    private XlsxSheet() {
    }

    static SheetTable read(byte[] bytes, long maxUnpackedBytes) {
        checkUnpackedSize(bytes, maxUnpackedBytes);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new SheetRejectedException(Refusal.EMPTY, "这个 Excel 文件里没有工作表 (the workbook has no sheet)");
            }
            return new SheetTable(rows(workbook.getSheetAt(0), workbook.isDate1904()), workbook.isDate1904());
        } catch (SheetRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SheetRejectedException(Refusal.UNREADABLE, UNREADABLE, e);
        }
    }

    /** Counts what the zip really expands to, before POI builds it in memory. */
    private static void checkUnpackedSize(byte[] bytes, long maxUnpackedBytes) {
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                if (entry.isDirectory()) {
                    continue;
                }
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    unpacked += n;
                    if (unpacked > maxUnpackedBytes) {
                        throw new SheetRejectedException(Refusal.TOO_LARGE, "Excel 文件解压后超过 "
                                + OrderSheetReader.megabytes(maxUnpackedBytes) + "，请分成几个文件上传 (the workbook unpacks to more than "
                                + OrderSheetReader.megabytes(maxUnpackedBytes) + "; split it into several files)");
                    }
                }
            }
            if (entries == 0) {
                throw new SheetRejectedException(Refusal.UNREADABLE, UNREADABLE);
            }
        } catch (IOException e) {
            throw new SheetRejectedException(Refusal.UNREADABLE, UNREADABLE, e);
        }
    }

    private static List<SheetRow> rows(Sheet sheet, boolean date1904) {
        Map<CellAddress, CellValue> merged = mergedValues(sheet, date1904);
        int mergedWidth = merged.keySet().stream().mapToInt(CellAddress::getColumn).max().orElse(-1) + 1;
        List<SheetRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<CellValue> cells = new ArrayList<>();
            for (int column = 0; column < Math.max(mergedWidth, row.getLastCellNum()); column++) {
                CellValue spanned = merged.get(new CellAddress(row.getRowNum(), column));
                cells.add(spanned != null ? spanned : value(row.getCell(column), date1904));
            }
            if (!SheetRow.isBlank(cells)) {
                rows.add(new SheetRow(row.getRowNum() + 1, cells));
            }
        }
        return rows;
    }

    /**
     * A merged cell's value for every cell it covers: sheets often merge the order id and paid time
     * of a multi-line order, and each row must still read as a whole line.
     */
    private static Map<CellAddress, CellValue> mergedValues(Sheet sheet, boolean date1904) {
        Map<CellAddress, CellValue> values = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            Row first = sheet.getRow(region.getFirstRow());
            CellValue value = first == null ? CellValue.BLANK : value(first.getCell(region.getFirstColumn()), date1904);
            // a whole column may be merged; only the rows and columns that exist matter
            for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), sheet.getLastRowNum()); r++) {
                for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), MAX_COLUMNS); c++) {
                    values.put(new CellAddress(r, c), value);
                }
            }
        }
        return values;
    }

    private static CellValue value(Cell cell, boolean date1904) {
        if (cell == null) {
            return CellValue.BLANK;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> new CellValue.Text(cell.getStringCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? new CellValue.DateTime(DateUtil.getLocalDateTime(cell.getNumericCellValue(), date1904, true))
                    : new CellValue.Number(cell.getNumericCellValue());
            case BOOLEAN -> new CellValue.Text(cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> new CellValue.Text(errorText(cell.getErrorCellValue()));
            default -> CellValue.BLANK;
        };
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException unknown) {
            return "#ERROR";
        }
    }

    /** True for the zip signature every XLSX starts with. */
    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** True for the OLE2 container of legacy .xls workbooks and of password-protected Office files. */
    static boolean looksLikeOle2(byte[] bytes) {
        int[] signature = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
