package cn.jiyun.integrations.spreadsheet;

import java.util.List;

/**
 * A non-blank row of an uploaded sheet.
 *
 * @param number the row number as the spreadsheet shows it
 * @param cells  the cells from the first column on
 */
record SheetRow(int number, List<CellValue> cells) {
    SheetRow {
        cells = List.copyOf(cells);
    }

    CellValue cell(int column) {
        return column < cells.size() ? cells.get(column) : CellValue.BLANK;
    }

    static boolean isBlank(List<CellValue> cells) {
        return cells.stream().allMatch(CellValue::isBlank);
    }
}
