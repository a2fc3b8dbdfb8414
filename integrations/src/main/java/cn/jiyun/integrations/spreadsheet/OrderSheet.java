package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;

import java.util.List;

/**
 * What an uploaded sheet holds: the orders made from its good rows and a problem for every row
 * that did not become part of an order: every non-blank row below the header is either a line of
 * an order or has at least one problem, never both, never neither.
 *
 * @param sheetOrders    the good orders with the rows they came from, in sheet order
 * @param problems       the rows left out and why, by row number
 * @param ignoredColumns headers Jiyun does not read (buyer details among them), as written in the sheet
 * @param dataRows       non-blank rows below the header
 */
public record OrderSheet(List<SheetOrder> sheetOrders, List<RowProblem> problems, List<String> ignoredColumns,
                         int dataRows) {
    public OrderSheet {
        sheetOrders = List.copyOf(sheetOrders);
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** The canonical orders of the good rows, ready for {@link cn.jiyun.integrations.OrderIntake}. */
    public List<CanonicalOrder> orders() {
        return sheetOrders.stream().map(SheetOrder::order).toList();
    }
}
