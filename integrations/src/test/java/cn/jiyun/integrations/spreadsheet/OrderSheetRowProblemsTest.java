package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.TreeSet;

import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.HEADER;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.SHOP_ID;
import static cn.jiyun.integrations.spreadsheet.OrderSheetFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Bad rows come back with row number, column and reason while the good rows still become orders. */
class OrderSheetRowProblemsTest {

    private static final String GOOD = "WX200,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,2024-05-03 18:00,宁夏回族自治区,银川市";

    private final OrderSheetReader reader = OrderSheetFiles.reader();

    private OrderSheet read(String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return reader.read(SHOP_ID, "orders.csv", "text/csv", csv(lines));
    }

    @Test
    void reportsAMissingOrderIdAndStillTakesTheGoodRows() {
        OrderSheet sheet = read(GOOD, ",GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,");

        assertThat(sheet.orders()).extracting(CanonicalOrder::platformOrderId).containsExactly("WX200");
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("订单号");
            assertThat(problem.reason()).isEqualTo("订单号不能为空 (order_id is required)");
            assertThat(problem.rowText()).isEqualTo(",GOJI-500G,枸杞,1,49.90,2024-05-01 09:30");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "1001", ""})
    void reportsAQuantityThatIsNotAPositiveWholeNumberUpToAThousand(String quantity) {
        OrderSheet sheet = read(GOOD, "WX201,GOJI-500G,枸杞," + quantity + ",49.90,2024-05-01 09:30,,,");

        assertThat(sheet.orders()).extracting(CanonicalOrder::platformOrderId).containsExactly("WX200");
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("数量");
            assertThat(problem.reason()).containsAnyOf("数量必须是1到1000之间的正整数 (quantity must be a positive whole number",
                    "数量不能为空 (quantity is required)");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1     | 金额不能是负数 (amount_yuan must not be negative)",
            "abc    | 金额必须是数字",
            "1.234  | 金额最多两位小数",
            "''     | 金额不能为空 (amount_yuan is required)"})
    void reportsAnAmountThatIsNotYuanWithAtMostTwoDecimals(String amount, String reason) {
        OrderSheet sheet = read(GOOD, "WX202,GOJI-500G,枸杞,1," + amount + ",2024-05-01 09:30,,,");

        assertThat(sheet.orders()).hasSize(1);
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("金额(元)");
            assertThat(problem.reason()).startsWith(reason);
        });
    }

    @ParameterizedTest
    @CsvSource({"1.20,120", "¥1299,129900", "0,0", "0.05,5", "100元,10000"})
    void turnsYuanIntoFenExactly(String amount, long fen) {
        OrderSheet sheet = read("WX203,GOJI-500G,枸杞,1," + amount + ",2024-05-01 09:30,,,");

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.orders().get(0).totalAmountFen()).isEqualTo(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01", "昨天", "2024-13-01 09:30", "2024-02-30 09:30", "01/05/2024 09:30", ""})
    void reportsAPaidTimeItCannotRead(String paidAt) {
        OrderSheet sheet = read(GOOD, "WX204,GOJI-500G,枸杞,1,49.90," + paidAt + ",,,");

        assertThat(sheet.orders()).hasSize(1);
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("付款时间");
            assertThat(problem.reason()).containsAnyOf("请写成 2024-05-01 09:30", "付款时间不能为空");
        });
    }

    @ParameterizedTest
    @CsvSource({"2024年5月1日 9:30,2024-05-01T09:30:00", "2024年05月01日09:30:15,2024-05-01T09:30:15",
            "2024/5/1 9:30,2024-05-01T09:30:00", "2024-5-1 09:30,2024-05-01T09:30:00"})
    void readsPaidTimesInTheFormatsChineseSpreadsheetsShow(String paidAt, String local) {
        OrderSheet sheet = read("WX204,GOJI-500G,枸杞,1,49.90," + paidAt + ",,,");

        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.orders().get(0).paidAt()).isEqualTo(OrderSheetFiles.shanghai(local));
    }

    @Test
    void reportsARowWithValuesOnlyInUnreadColumnsOnce() {
        OrderSheet sheet = reader.read(SHOP_ID, "orders.csv", null, csv(HEADER + ",备注", GOOD + ",",
                ",,,,,,,,,以上订单请周五前发完"));

        assertThat(sheet.orders()).hasSize(1);
        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.reason()).contains("holds no order");
            assertThat(problem.rowText()).isEqualTo(",,,,,,,,,以上订单请周五前发完");
        });
    }

    @Test
    void reportsAShipByTimeItCannotReadOrThatComesBeforePayment() {
        OrderSheet sheet = read(GOOD,
                "WX205,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,下周,,",
                "WX206,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,2024-05-01 09:29,,");

        assertThat(sheet.orders()).hasSize(1);
        assertThat(sheet.problems()).extracting(RowProblem::row, RowProblem::column)
                .containsExactly(tuple(3, "最晚发货时间"),
                        tuple(4, "最晚发货时间"));
        assertThat(sheet.problems().get(1).reason()).isEqualTo("最晚发货时间早于付款时间 (ship_by is before paid_at)");
    }

    @Test
    void reportsAPaidTimeInTheFuture() {
        OrderSheet sheet = read("WX207,GOJI-500G,枸杞,1,49.90,2204-05-01 09:30,,,");

        assertThat(sheet.orders()).isEmpty();
        assertThat(sheet.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("paid_at is in the future"));
    }

    @Test
    void reportsEveryRowOfAnOrderWhoseRowsDisagreeOnThePaidTime() {
        OrderSheet sheet = read(
                "WX210,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,宁夏回族自治区,银川市",
                GOOD,
                "WX210,MILK-12,牛奶,1,36.00,2024-05-01 10:30,,宁夏回族自治区,银川市");

        assertThat(sheet.orders()).extracting(CanonicalOrder::platformOrderId).containsExactly("WX200");
        assertThat(sheet.problems()).extracting(RowProblem::row).containsExactly(2, 4);
        assertThat(sheet.problems()).allSatisfy(problem -> {
            assertThat(problem.column()).isEqualTo("付款时间");
            assertThat(problem.reason()).startsWith("同一订单的付款时间不一致").contains("rows 2, 4");
        });
    }

    @Test
    void reportsRowsOfAnOrderThatDisagreeOnTheDestination() {
        OrderSheet sheet = read(
                "WX211,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,宁夏回族自治区,银川市",
                "WX211,MILK-12,牛奶,1,36.00,2024-05-01 09:30,,宁夏回族自治区,固原市");

        assertThat(sheet.orders()).isEmpty();
        assertThat(sheet.problems()).extracting(RowProblem::row, RowProblem::column)
                .containsExactly(tuple(2, "市"), tuple(3, "市"));
    }

    @Test
    void leavesOutTheWholeOrderWhenOneOfItsRowsIsBadAndSaysSoOnTheGoodRows() {
        OrderSheet sheet = read(
                "WX220,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,",
                "WX220,MILK-12,牛奶,abc,36.00,2024-05-01 09:30,,,",
                GOOD);

        assertThat(sheet.orders()).extracting(CanonicalOrder::platformOrderId).containsExactly("WX200");
        assertThat(sheet.problems()).extracting(RowProblem::row, RowProblem::column).containsExactly(
                tuple(2, "订单号"), tuple(3, "数量"));
        assertThat(sheet.problems().get(0).reason())
                .isEqualTo("同一订单的第3行有错误，整单没有导入 (row 3 of the same order has a problem, so the whole order was left out)");
    }

    @Test
    void reportsTheSameSkuTwiceInOneOrderInsteadOfGuessing() {
        OrderSheet sheet = read(
                "WX230,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,",
                "WX230,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,");

        assertThat(sheet.orders()).isEmpty();
        assertThat(sheet.problems()).extracting(RowProblem::row).containsExactly(2, 3);
        assertThat(sheet.problems()).allSatisfy(p -> assertThat(p.column()).isEqualTo("商品编码"));
    }

    @Test
    void reportsEachBadCellOfARow() {
        OrderSheet sheet = read("WX240,,枸杞,0,-5,never,,,");

        assertThat(sheet.problems()).extracting(RowProblem::column)
                .containsExactly("商品编码", "数量", "金额(元)", "付款时间");
        assertThat(sheet.problems()).allSatisfy(p -> assertThat(p.row()).isEqualTo(2));
    }

    @Test
    void reportsAnIdExcelAlreadyTurnedIntoScientificNotation() {
        OrderSheet sheet = read("6.92123E+18,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,");

        assertThat(sheet.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("订单号");
            assertThat(problem.reason()).contains("Excel dropped its last digits");
        });
    }

    @Test
    void reportsValuesLongerThanJiyunStores() {
        OrderSheet sheet = read("X".repeat(65) + ",GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,");

        assertThat(sheet.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("longer than 64 characters"));
    }

    @Test
    void reportsEveryNonBlankRowExactlyOnceOrTakesIt() {
        OrderSheet sheet = read(GOOD,
                "WX250,GOJI-500G,枸杞,1,49.90,2024-05-01 09:30,,,",
                "WX250,MILK-12,牛奶,2,abc,2024-05-01 09:30,,,",
                ",,,1,,,,,",
                "WX251,TAN-LAMB-1KG,羊肉,1,158,2024-05-01 09:30,,,");

        Set<Integer> taken = new TreeSet<>();
        sheet.sheetOrders().forEach(o -> o.rows().forEach(r -> taken.add(r.number())));
        Set<Integer> reported = new TreeSet<>();
        sheet.problems().forEach(p -> reported.add(p.row()));
        assertThat(taken).containsExactly(2, 6);
        assertThat(reported).containsExactly(3, 4, 5);
    }
}
