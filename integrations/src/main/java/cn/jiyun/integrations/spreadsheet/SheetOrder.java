package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;

import java.util.List;
import java.util.Objects;

/**
 * An order read from a sheet with the rows it came from, so that what happens to it later can
 * still be reported by row.
 *
 * @param order the canonical order
 * @param rows  its rows, at least one
 */
public record SheetOrder(CanonicalOrder order, List<Row> rows) {

    /**
     * A row of the sheet.
     *
     * @param number the row number as the spreadsheet shows it
     * @param text   the row's cells as read, buyer-detail columns masked
     */
    public record Row(int number, String text) {
    }

    public SheetOrder {
        Objects.requireNonNull(order, "order");
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("order " + order.platformOrderId() + " has no rows");
        }
    }
}
