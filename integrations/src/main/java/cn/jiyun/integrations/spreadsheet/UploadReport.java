package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.IntakeOutcome;

import java.util.List;
import java.util.Objects;

/**
 * What one upload did: each good order with what the intake made of it, and every row left out.
 *
 * @param created          orders new to Jiyun
 * @param updated          orders already known that this upload changed
 * @param unchanged        orders already known with the same paid time: a re-upload, nothing changed
 * @param stale            orders already known with a later time; ignored
 * @param needingAttention orders stored but needing a person, e.g. a SKU no producer is mapped to
 * @param orders           every order delivered, with its rows and outcome, in sheet order
 * @param problems         the rows that did not go in and why, by row number
 * @param ignoredColumns   headers Jiyun did not read (buyer details among them)
 */
public record UploadReport(int created, int updated, int unchanged, int stale, int needingAttention,
                           List<DeliveredOrder> orders, List<RowProblem> problems, List<String> ignoredColumns) {

    /**
     * One order of the upload and what became of it.
     *
     * @param platformOrderId the order id from the sheet
     * @param rows            its row numbers
     * @param outcome         what the intake did with it
     */
    public record DeliveredOrder(String platformOrderId, List<Integer> rows, IntakeOutcome outcome) {
        public DeliveredOrder {
            Objects.requireNonNull(platformOrderId, "platformOrderId");
            Objects.requireNonNull(outcome, "outcome");
            rows = List.copyOf(rows);
        }
    }

    public UploadReport {
        orders = List.copyOf(orders);
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    static UploadReport of(List<DeliveredOrder> orders, List<RowProblem> problems, List<String> ignoredColumns) {
        return new UploadReport(count(orders, IntakeOutcome.CREATED), count(orders, IntakeOutcome.UPDATED),
                count(orders, IntakeOutcome.UNCHANGED), count(orders, IntakeOutcome.STALE),
                count(orders, IntakeOutcome.NEEDS_ATTENTION), orders, problems, ignoredColumns);
    }

    /** True when every row went in. */
    public boolean complete() {
        return problems.isEmpty();
    }

    private static int count(List<DeliveredOrder> orders, IntakeOutcome outcome) {
        return (int) orders.stream().filter(o -> o.outcome() == outcome).count();
    }
}
