package cn.jiyun.integrations.spreadsheet;

import java.util.Objects;

/**
 * A row of an uploaded sheet that did not become (part of) an order, and why.
 *
 * @param row     the row number as the spreadsheet shows it, the header being row 1
 * @param column  the column's header as written in the sheet
 * @param reason  what is wrong, in Chinese with the English after
 * @param rowText the row's cells as read, comma-separated, with buyer-detail columns masked
 */
public record RowProblem(int row, String column, String reason, String rowText) {
    public RowProblem {
        Objects.requireNonNull(reason, "reason");
        column = column == null ? "" : column;
        rowText = rowText == null ? "" : rowText;
    }
}
