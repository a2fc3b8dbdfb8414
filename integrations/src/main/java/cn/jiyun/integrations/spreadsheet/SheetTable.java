package cn.jiyun.integrations.spreadsheet;

import java.util.List;

/**
 * The non-blank rows of an uploaded sheet, header first.
 *
 * @param rows     non-blank rows in sheet order
 * @param date1904 whether the workbook counts dates from 1904 (old Mac Excel); false for CSV
 */
record SheetTable(List<SheetRow> rows, boolean date1904) {
    SheetTable {
        rows = List.copyOf(rows);
    }
}
