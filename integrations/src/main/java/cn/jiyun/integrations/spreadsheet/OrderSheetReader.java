package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.spreadsheet.OrderSheetValues.Unreadable;
import cn.jiyun.integrations.spreadsheet.SheetRejectedException.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.jiyun.integrations.spreadsheet.SheetColumn.AMOUNT_YUAN;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.CITY;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.ORDER_ID;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.PAID_AT;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.PROVINCE;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.QUANTITY;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.SHIP_BY;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.SKU;
import static cn.jiyun.integrations.spreadsheet.SheetColumn.TITLE;

/**
 * Reads an uploaded CSV or XLSX order sheet of one shop into canonical orders (platform
 * {@code SPREADSHEET}, status {@code PAID}) and a problem for every row it cannot take. Rows with
 * the same order id are the lines of one order, and an order with any bad row is left out whole.
 * A file it cannot read as an order sheet at all is refused with a {@link SheetRejectedException}.
 *
 * <p>Plain Java and thread-safe; one instance can serve every upload.
 */
public class OrderSheetReader {

    /** Sheets are kept in Chinese local time. */
    public static final ZoneId SHEET_ZONE = ZoneId.of("Asia/Shanghai");

    /** How far ahead of the server a cooperative's PC clock may run before a paid time counts as future. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofHours(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpreadsheetProperties limits;
    private final Clock clock;

    /** A reader with the default limits (5 MB, 5,000 rows). */
    public OrderSheetReader() {
        this(SpreadsheetProperties.defaults(), Clock.systemUTC());
    }

    public OrderSheetReader(SpreadsheetProperties limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads an upload as it arrives, never holding more than the size limit in memory.
     *
     * @see #read(String, String, String, byte[])
     */
    public OrderSheet read(String shopId, String fileName, String contentType, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes().toBytes() + 1));
        return read(shopId, fileName, contentType, bytes);
    }

    /**
     * Reads an uploaded file.
     *
     * @param shopId      the Jiyun shop the orders belong to (the platform shop id of a {@code SPREADSHEET} shop)
     * @param fileName    the name it was uploaded with, e.g. {@code 5月订单.xlsx}; decides CSV or XLSX with the content
     * @param contentType the upload's content type, used only when the name has no extension; may be null
     * @param content     the file's bytes
     * @throws SheetRejectedException when the file as a whole cannot be taken, with the reason
     */
    public OrderSheet read(String shopId, String fileName, String contentType, byte[] content) {
        if (shopId == null || shopId.isBlank()) {
            throw new IllegalArgumentException("shopId is required");
        }
        if (content == null || content.length == 0) {
            throw new SheetRejectedException(Refusal.EMPTY, "文件是空的 (the file is empty)");
        }
        if (content.length > limits.maxBytes().toBytes()) {
            throw new SheetRejectedException(Refusal.TOO_LARGE, "文件超过 " + megabytes(limits.maxBytes().toBytes())
                    + "，请分成几个文件上传 (the file is larger than " + megabytes(limits.maxBytes().toBytes())
                    + "; split it into several files)");
        }
        Format format = format(fileName, contentType, content);
        SheetTable table = switch (format) {
            case XLSX -> XlsxSheet.read(content, limits.maxUnpackedBytes().toBytes());
            case CSV -> CsvSheet.read(content);
        };
        if (table.rows().isEmpty()) {
            throw new SheetRejectedException(Refusal.EMPTY, format == Format.XLSX
                    ? "第一个工作表是空的；集运只读第一个工作表 (the first sheet is empty; only the first sheet is read)"
                    : "文件里没有任何内容 (the file has no content)");
        }
        Header header = Header.of(table.rows().get(0));
        List<SheetRow> data = table.rows().subList(1, table.rows().size());
        if (data.isEmpty()) {
            throw new SheetRejectedException(Refusal.NO_ORDERS,
                    "文件只有表头，没有订单行 (the file has a header row but no order rows)");
        }
        if (data.size() > limits.maxRows()) {
            throw new SheetRejectedException(Refusal.TOO_MANY_ROWS, "文件有 " + data.size() + " 行订单，一次最多 "
                    + limits.maxRows() + " 行，请分成几个文件上传 (the file has " + data.size()
                    + " order rows; at most " + limits.maxRows() + " are taken at once, so split it)");
        }
        List<ReadRow> rows = data.stream().map(row -> readRow(header, row, table.date1904())).toList();
        return assemble(shopId, header, rows);
    }

    private enum Format { CSV, XLSX }

    private static Format format(String fileName, String contentType, byte[] content) {
        String extension = extension(fileName, contentType);
        if (XlsxSheet.looksLikeZip(content)) {
            return Format.XLSX;
        }
        if (XlsxSheet.looksLikeOle2(content) || extension.equals("xls")) {
            throw new SheetRejectedException(Refusal.LEGACY_XLS, "这是旧版 Excel（.xls）文件或加了密码的文件，无法读取；"
                    + "请在 Excel 里“另存为” .xlsx 或“CSV UTF-8（逗号分隔）”后再上传 (this is an old .xls workbook or a "
                    + "password-protected file; in Excel use Save As .xlsx or CSV UTF-8 and upload that)");
        }
        return switch (extension) {
            case "xlsx" -> throw new SheetRejectedException(Refusal.UNREADABLE, "文件名是 .xlsx，但内容不是 Excel 文件，"
                    + "可能已损坏 (the file is named .xlsx but is not an Excel workbook; it may be damaged)");
            case "csv", "txt", "" -> Format.CSV;
            default -> throw new SheetRejectedException(Refusal.UNSUPPORTED_TYPE, "只能上传 .xlsx 或 .csv 文件，"
                    + "不能上传 ." + extension + " (only .xlsx and .csv files are accepted, not ." + extension + ")");
        };
    }

    /** The file name's extension, else what the content type implies, else empty. */
    private static String extension(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.strip();
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && dot > name.lastIndexOf('/') && dot > name.lastIndexOf('\\')) {
            return name.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("spreadsheetml")) {
            return "xlsx";
        }
        return type.startsWith("text/csv") ? "csv" : "";
    }

    /** Where each known column is, and what the other headers are. */
    private record Header(int rowNumber, Map<SheetColumn, Integer> positions, List<String> names,
                          Set<Integer> personal, List<String> ignored) {

        static Header of(SheetRow row) {
            Map<SheetColumn, Integer> positions = new EnumMap<>(SheetColumn.class);
            List<String> names = new ArrayList<>();
            Set<Integer> personal = new TreeSet<>();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                String name = OrderSheetValues.strip(row.cell(i).text());
                names.add(name);
                var column = SheetColumn.forHeader(name);
                if (column.isPresent()) {
                    Integer earlier = positions.putIfAbsent(column.get(), i);
                    if (earlier != null) {
                        throw new SheetRejectedException(Refusal.BAD_HEADER, "表头里“" + column.get().chineseName()
                                + "”出现了两次（“" + names.get(earlier) + "”和“" + name + "”），请只留一列 (the header has "
                                + column.get().englishName() + " twice; keep one column)");
                    }
                } else if (!name.isEmpty()) {
                    ignored.add(name);
                    if (SheetColumn.holdsPersonalData(name)) {
                        personal.add(i);
                    }
                }
            }
            List<SheetColumn> missing = java.util.Arrays.stream(SheetColumn.values())
                    .filter(SheetColumn::required)
                    .filter(c -> !positions.containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new SheetRejectedException(Refusal.BAD_HEADER, "第" + row.number() + "行应该是表头，但缺少这些列："
                        + missing.stream().map(SheetColumn::chineseName).collect(Collectors.joining("、"))
                        + "。表头可以用中文或英文：" + expectedHeaders() + "，请下载模板对照 (row " + row.number()
                        + " should be the header but lacks " + missing.stream().map(SheetColumn::englishName)
                        .collect(Collectors.joining(", ")) + "; download the template to compare)");
            }
            return new Header(row.number(), positions, names, personal, ignored);
        }

        private static String expectedHeaders() {
            return java.util.Arrays.stream(SheetColumn.values())
                    .map(c -> c.chineseName() + "/" + c.englishName() + (c.required() ? "（必填）" : ""))
                    .collect(Collectors.joining("、"));
        }

        CellValue cell(SheetRow row, SheetColumn column) {
            Integer position = positions.get(column);
            return position == null ? CellValue.BLANK : row.cell(position);
        }

        /** The column's header as the sheet writes it, so problems name what the admin sees. */
        String name(SheetColumn column) {
            Integer position = positions.get(column);
            return position == null ? column.chineseName() : names.get(position);
        }

        /** The row as comma-separated cells, buyer-detail cells masked. */
        String text(SheetRow row) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                CellValue cell = row.cell(i);
                cells.add(personal.contains(i) && !cell.isBlank() ? "***" : csvField(cell.text()));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            return String.join(",", cells);
        }

        private static String csvField(String text) {
            boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
            return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }
    }

    /** One data row, read as far as it could be, with its problems. */
    private record ReadRow(SheetRow source, String text, String orderId, OrderLine line, Instant paidAt,
                           Instant shipBy, String province, String city, Map<String, String> payload,
                           List<RowProblem> problems) {
        SheetOrder.Row sheetRow() {
            return new SheetOrder.Row(source.number(), text);
        }

        int number() {
            return source.number();
        }

        boolean failed(Header header, SheetColumn column) {
            return problems.stream().anyMatch(p -> p.column().equals(header.name(column)));
        }
    }

    @FunctionalInterface
    private interface CellParser<T> {
        T parse(CellValue cell) throws Unreadable;
    }

    /** Reads the cells of one row, keeping a problem for each it cannot read. */
    private static final class RowCells {
        private final Header header;
        private final SheetRow row;
        private final String text;
        private final List<RowProblem> problems = new ArrayList<>();

        RowCells(Header header, SheetRow row) {
            this.header = header;
            this.row = row;
            this.text = header.text(row);
        }

        CellValue cell(SheetColumn column) {
            return header.cell(row, column);
        }

        /** The cell's value, or null after noting why it cannot be read. */
        <T> T read(SheetColumn column, CellParser<T> parser) {
            try {
                return parser.parse(cell(column));
            } catch (Unreadable e) {
                problem(column, e.getMessage());
                return null;
            }
        }

        void problem(SheetColumn column, String reason) {
            problems.add(new RowProblem(row.number(), header.name(column), reason, text));
        }

        boolean onlyUnreadColumnsFilled() {
            return header.positions().keySet().stream().allMatch(column -> cell(column).isBlank());
        }
    }

    private ReadRow readRow(Header header, SheetRow row, boolean date1904) {
        RowCells cells = new RowCells(header, row);
        if (cells.onlyUnreadColumnsFilled()) {
            // a note or total under the orders: one problem, not one per empty order column
            cells.problem(ORDER_ID, "这一行只在其他列有内容，没有订单信息 "
                    + "(this row has values only in columns Jiyun does not read, so it holds no order)");
            return new ReadRow(row, cells.text, null, null, null, null, null, null, Map.of(), cells.problems);
        }
        String orderId = cells.read(ORDER_ID, cell -> OrderSheetValues.identifier(ORDER_ID, cell));
        String sku = cells.read(SKU, cell -> OrderSheetValues.identifier(SKU, cell));
        String title = cells.read(TITLE, cell -> OrderSheetValues.text(TITLE, cell));
        Integer quantity = cells.read(QUANTITY, OrderSheetValues::quantity);
        Long amountFen = cells.read(AMOUNT_YUAN, OrderSheetValues::amountFen);
        LocalDateTime paidLocal = cells.read(PAID_AT, cell -> OrderSheetValues.time(PAID_AT, cell, date1904));
        LocalDateTime shipByLocal = cells.cell(SHIP_BY).isBlank() ? null
                : cells.read(SHIP_BY, cell -> OrderSheetValues.time(SHIP_BY, cell, date1904));
        String province = cells.read(PROVINCE, cell -> OrderSheetValues.text(PROVINCE, cell));
        String city = cells.read(CITY, cell -> OrderSheetValues.text(CITY, cell));

        Instant paidAt = paidLocal == null ? null : paidLocal.atZone(SHEET_ZONE).toInstant();
        Instant shipBy = shipByLocal == null ? null : shipByLocal.atZone(SHEET_ZONE).toInstant();
        if (paidAt != null && paidAt.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            cells.problem(PAID_AT, "付款时间在将来，请检查年份和日期 (paid_at is in the future; check the year and date)");
            paidAt = null;
        }
        if (paidAt != null && shipBy != null && shipBy.isBefore(paidAt)) {
            cells.problem(SHIP_BY, "最晚发货时间早于付款时间 (ship_by is before paid_at)");
            shipBy = null;
        }
        OrderLine line = sku == null || quantity == null || amountFen == null ? null
                : new OrderLine(sku, title, quantity, amountFen);

        Map<String, String> payload = new LinkedHashMap<>();
        for (SheetColumn column : header.positions().keySet()) {
            payload.put(column.englishName(), OrderSheetValues.strip(cells.cell(column).text()));
        }
        return new ReadRow(row, cells.text, orderId, line, paidAt, shipBy, province, city, payload, cells.problems);
    }

    private static OrderSheet assemble(String shopId, Header header, List<ReadRow> rows) {
        List<RowProblem> problems = new ArrayList<>();
        List<SheetOrder> orders = new ArrayList<>();
        Map<String, List<ReadRow>> byOrder = new LinkedHashMap<>();
        for (ReadRow row : rows) {
            if (row.orderId() == null) {
                problems.addAll(row.problems());
            } else {
                byOrder.computeIfAbsent(row.orderId(), id -> new ArrayList<>()).add(row);
            }
        }
        byOrder.forEach((orderId, orderRows) -> {
            List<RowProblem> orderProblems = new ArrayList<>();
            orderRows.forEach(row -> orderProblems.addAll(row.problems()));
            orderProblems.addAll(disagreements(header, orderId, orderRows));
            orderProblems.addAll(repeatedSkus(header, orderRows));
            if (orderProblems.isEmpty()) {
                try {
                    orders.add(new SheetOrder(order(shopId, orderId, orderRows),
                            orderRows.stream().map(ReadRow::sheetRow).toList()));
                    return;
                } catch (ArithmeticException | IllegalArgumentException e) {
                    orderRows.forEach(row -> orderProblems.add(new RowProblem(row.number(),
                            header.name(ORDER_ID), "这个订单无法导入 (the order cannot be taken: "
                            + e.getMessage() + ")", row.text())));
                }
            }
            problems.addAll(orderProblems);
            problems.addAll(leftOutWithTheirOrder(header, orderRows, orderProblems));
        });
        problems.sort(Comparator.comparingInt(RowProblem::row));
        return new OrderSheet(orders, problems, header.ignored(), rows.size());
    }

    /** Rows of one order must agree on everything that belongs to the order rather than the line. */
    private static List<RowProblem> disagreements(Header header, String orderId, List<ReadRow> rows) {
        List<RowProblem> problems = new ArrayList<>();
        if (rows.size() < 2) {
            return problems;
        }
        record OrderField(SheetColumn column, String chinese, Function<ReadRow, Object> value) {
        }
        List<OrderField> fields = List.of(
                new OrderField(PAID_AT, "付款时间", ReadRow::paidAt),
                new OrderField(SHIP_BY, "最晚发货时间", ReadRow::shipBy),
                new OrderField(PROVINCE, "省", ReadRow::province),
                new OrderField(CITY, "市", ReadRow::city));
        for (OrderField field : fields) {
            List<ReadRow> readable = rows.stream().filter(r -> !r.failed(header, field.column())).toList();
            long distinct = readable.stream().map(r -> Objects.toString(field.value().apply(r), "")).distinct().count();
            if (distinct > 1) {
                String rowNumbers = rows.stream().map(r -> String.valueOf(r.number())).collect(Collectors.joining("、"));
                for (ReadRow row : rows) {
                    problems.add(new RowProblem(row.number(), header.name(field.column()), "同一订单的" + field.chinese()
                            + "不一致（订单 " + orderId + "，第" + rowNumbers + "行） (the rows of order " + orderId
                            + " disagree on " + field.column().englishName() + ": rows "
                            + rowNumbers.replace("、", ", ") + ")", row.text()));
                }
            }
        }
        return problems;
    }

    /** The same SKU twice in one order is more likely a pasted row twice than two lines. */
    private static List<RowProblem> repeatedSkus(Header header, List<ReadRow> rows) {
        Map<String, List<ReadRow>> bySku = rows.stream().filter(r -> r.line() != null)
                .collect(Collectors.groupingBy(r -> r.line().platformSku(), LinkedHashMap::new, Collectors.toList()));
        List<RowProblem> problems = new ArrayList<>();
        bySku.forEach((sku, skuRows) -> {
            if (skuRows.size() > 1) {
                String rowNumbers = skuRows.stream().map(r -> String.valueOf(r.number())).collect(Collectors.joining("、"));
                skuRows.forEach(row -> problems.add(new RowProblem(row.number(), header.name(SKU),
                        "同一订单里商品编码 " + sku + " 出现了多次（第" + rowNumbers + "行），请合并成一行并填写总数量 "
                                + "(SKU " + sku + " appears more than once in this order, rows "
                                + rowNumbers.replace("、", ", ") + "; put it on one row with the total quantity)",
                        row.text())));
            }
        });
        return problems;
    }

    /** The good rows of an order that has a bad one, so that no half order goes in and none is silently dropped. */
    private static List<RowProblem> leftOutWithTheirOrder(Header header, List<ReadRow> rows, List<RowProblem> problems) {
        Set<Integer> badRows = problems.stream().map(RowProblem::row).collect(Collectors.toCollection(TreeSet::new));
        String bad = badRows.stream().map(String::valueOf).collect(Collectors.joining("、"));
        return rows.stream()
                .filter(row -> !badRows.contains(row.number()))
                .map(row -> new RowProblem(row.number(), header.name(ORDER_ID),
                        "同一订单的第" + bad + "行有错误，整单没有导入 (row " + bad.replace("、", ", ")
                                + " of the same order has a problem, so the whole order was left out)", row.text()))
                .toList();
    }

    private static CanonicalOrder order(String shopId, String orderId, List<ReadRow> rows) {
        ReadRow first = rows.get(0);
        List<OrderLine> lines = rows.stream().map(ReadRow::line).toList();
        long total = lines.stream().mapToLong(OrderLine::amountFen).reduce(0, Math::addExact);
        return new CanonicalOrder(Platform.SPREADSHEET, shopId, orderId, PlatformOrderStatus.PAID,
                first.paidAt(), first.paidAt(), first.paidAt(), first.shipBy(), lines, total,
                first.province(), first.city(), payload(rows));
    }

    /** The order's rows as read, recognised columns only: buyer details never reach the payload. */
    private static String payload(List<ReadRow> rows) {
        List<Map<String, Object>> json = rows.stream().map(row -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("row", row.number());
            entry.putAll(row.payload());
            return entry;
        }).toList();
        try {
            return JSON.writeValueAsString(Map.of("rows", json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings did not serialise", e);
        }
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format(Locale.ROOT, "%.1f MB",
                bytes / (1024.0 * 1024.0));
    }
}
