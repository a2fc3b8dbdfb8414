package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.OrderIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Takes an uploaded order sheet into Jiyun: reads it, delivers each good order to
 * {@link OrderIntake#receive} and reports per order and per row. An order the intake refuses
 * becomes problems on its rows and the others still go in.
 */
public class SpreadsheetIntake {

    private static final Logger log = LoggerFactory.getLogger(SpreadsheetIntake.class);

    private final OrderSheetReader reader;
    private final OrderIntake intake;

    public SpreadsheetIntake(OrderSheetReader reader, OrderIntake intake) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    /**
     * Reads and delivers an upload.
     *
     * @throws SheetRejectedException when the file as a whole cannot be taken; nothing was delivered
     * @see OrderSheetReader#read(String, String, String, byte[])
     */
    public UploadReport upload(String shopId, String fileName, String contentType, byte[] content) {
        return deliver(reader.read(shopId, fileName, contentType, content));
    }

    /** Like {@link #upload(String, String, String, byte[])}, reading no more than the size limit. */
    public UploadReport upload(String shopId, String fileName, String contentType, InputStream content)
            throws IOException {
        return deliver(reader.read(shopId, fileName, contentType, content));
    }

    /** Delivers the good orders of a sheet already read. */
    public UploadReport deliver(OrderSheet sheet) {
        List<UploadReport.DeliveredOrder> delivered = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>(sheet.problems());
        for (SheetOrder sheetOrder : sheet.sheetOrders()) {
            String orderId = sheetOrder.order().platformOrderId();
            try {
                delivered.add(new UploadReport.DeliveredOrder(orderId,
                        sheetOrder.rows().stream().map(SheetOrder.Row::number).toList(),
                        intake.receive(sheetOrder.order())));
            } catch (RuntimeException e) {
                log.warn("Spreadsheet order {} of shop {} was refused by the intake: {}", orderId,
                        sheetOrder.order().shopId(), e.toString());
                String reason = "这个订单没能保存：" + describe(e) + " (the order could not be stored: " + describe(e) + ")";
                sheetOrder.rows().forEach(row -> problems.add(
                        new RowProblem(row.number(), SheetColumn.ORDER_ID.chineseName(), reason, row.text())));
            }
        }
        problems.sort(Comparator.comparingInt(RowProblem::row));
        return UploadReport.of(delivered, problems, sheet.ignoredColumns());
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
