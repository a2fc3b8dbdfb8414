package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.testing.InMemoryIntake;
import org.junit.jupiter.api.Test;

import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.HEADER;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.SHOP_ID;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.csv;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Uploads delivered to the intake as fulfillment keeps it. */
class SpreadsheetIntakeTest {

    private static final byte[] SHEET = csv(HEADER,
            "WX400,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,宁夏回族自治区,银川市",
            "WX401,MILK-12,牛奶,2,72.00,2024-05-01 10:00,,宁夏回族自治区,吴忠市",
            "WX400,TAN-LAMB-1KG,羊肉,1,158.00,2024-05-01 09:30,,宁夏回族自治区,银川市",
            "WX402,MILK-12,牛奶,0,36.00,2024-05-01 11:00,,宁夏回族自治区,吴忠市");

    private final InMemoryIntake store = new InMemoryIntake();
    private final SpreadsheetIntake intake = new SpreadsheetIntake(OrderSheetFiles.reader(), store);

    @Test
    void deliversTheGoodOrdersAndReportsTheBadRows() {
        UploadReport report = intake.upload(SHOP_ID, "orders.csv", "text/csv", SHEET);

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.orders()).extracting(UploadReport.DeliveredOrder::platformOrderId,
                        UploadReport.DeliveredOrder::outcome)
                .containsExactly(tuple("WX400", IntakeOutcome.CREATED),
                        tuple("WX401", IntakeOutcome.CREATED));
        assertThat(report.orders().get(0).rows()).containsExactly(2, 4);
        assertThat(report.problems()).extracting(RowProblem::row).containsExactly(5);
        assertThat(report.complete()).isFalse();

        CanonicalOrder stored = store.order(Platform.SPREADSHEET, SHOP_ID, "WX400");
        assertThat(stored.totalAmountFen()).isEqualTo(20790);
        assertThat(stored.lines()).hasSize(2);
        assertThat(stored.updatedAt()).isEqualTo(shanghai("2024-05-01T09:30:00"));
        assertThat(store.order(Platform.SPREADSHEET, SHOP_ID, "WX402")).isNull();
    }

    @Test
    void uploadingTheSameSheetAgainChangesNothing() {
        intake.upload(SHOP_ID, "orders.csv", "text/csv", SHEET);

        UploadReport again = intake.upload(SHOP_ID, "orders.csv", "text/csv", SHEET);

        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(store.orders()).hasSize(2);
    }

    @Test
    void turnsAnOrderTheStoreRefusesIntoProblemsOnItsRowsAndGoesOn() {
        OrderIntake refusesWx400 = new OrderIntake() {
            @Override
            public IntakeOutcome receive(CanonicalOrder order) {
                if (order.platformOrderId().equals("WX400")) {
                    throw new IllegalArgumentException("shop " + order.shopId() + " is not a spreadsheet shop");
                }
                return store.receive(order);
            }

            @Override
            public void deadLetter(DeadLetter letter) {
                store.deadLetter(letter);
            }
        };

        UploadReport report = new SpreadsheetIntake(OrderSheetFiles.reader(), refusesWx400)
                .upload(SHOP_ID, "orders.csv", "text/csv", SHEET);

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.orders()).extracting(UploadReport.DeliveredOrder::platformOrderId).containsExactly("WX401");
        assertThat(report.problems()).extracting(RowProblem::row).containsExactly(2, 4, 5);
        assertThat(report.problems().get(0).reason())
                .startsWith("这个订单没能保存")
                .contains("is not a spreadsheet shop");
        assertThat(store.order(Platform.SPREADSHEET, SHOP_ID, "WX401")).isNotNull();
    }

    @Test
    void countsOrdersThatNeedAttention() {
        OrderIntake needsAttention = new OrderIntake() {
            @Override
            public IntakeOutcome receive(CanonicalOrder order) {
                return IntakeOutcome.NEEDS_ATTENTION;
            }

            @Override
            public void deadLetter(DeadLetter letter) {
            }
        };

        UploadReport report = new SpreadsheetIntake(OrderSheetFiles.reader(), needsAttention)
                .upload(SHOP_ID, "orders.csv", "text/csv", SHEET);

        assertThat(report.needingAttention()).isEqualTo(2);
        assertThat(report.created()).isZero();
    }

    @Test
    void deliversNothingFromARefusedFile() {
        assertThatThrownBy(() -> intake.upload(SHOP_ID, "orders.xls", null, SHEET))
                .isInstanceOf(SheetRejectedException.class);

        assertThat(store.deliveries()).isZero();
    }
}
