package cn.jiyun.integrations.spreadsheet;

import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the cells of an order sheet are read as ids, quantities, yuan and times, and the reasons
 * given when they cannot be.
 */
final class OrderSheetValues {

    static final int MAX_QUANTITY = 1000;

    /**
     * {@code yyyy-MM-dd HH:mm[:ss]} and {@code yyyy/M/d H:mm[:ss]}, single-digit months, days and hours
     * too, and {@code 2024年5月1日 9:30}, which WPS and Chinese Excel show for date cells.
     */
    private static final List<DateTimeFormatter> TIME_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日[ ]H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT));

    /** What Excel writes for a long number it has already rounded, e.g. {@code 6.92123E+18}. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** Excel's trick to keep a long id as text in CSV: {@code ="6921234567890123456"}. */
    private static final Pattern EXCEL_TEXT_FORMULA = Pattern.compile("=\"(.*)\"");
    /** Excel date serials between 2000-01-01 and 2100-01-01; a number outside is not a time. */
    private static final double FIRST_PLAUSIBLE_SERIAL = 36526;
    private static final double LAST_PLAUSIBLE_SERIAL = 73051;
    /** Excel shows at most 15 significant digits; a longer id in a numeric cell has lost its end. */
    private static final BigDecimal LARGEST_EXACT_ID = new BigDecimal("999999999999999");

    private OrderSheetValues() {
    }

    /** A cell that cannot be read as its column needs; the reason is Chinese, then English. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** An order id or SKU: text, trimmed; never a number Excel has rounded. */
    static String identifier(SheetColumn column, CellValue cell) throws Unreadable {
        if (cell instanceof CellValue.Number number) {
            if (number.decimal().abs().compareTo(LARGEST_EXACT_ID) > 0) {
                throw lostDigits(column);
            }
            return number.text();
        }
        String text = strip(cell.text());
        var excelText = EXCEL_TEXT_FORMULA.matcher(text);
        if (excelText.matches()) {
            text = strip(excelText.group(1));
        }
        if (text.isEmpty()) {
            throw new Unreadable(column.chineseName() + "不能为空 (" + column.englishName() + " is required)");
        }
        if (SCIENTIFIC.matcher(text).matches()) {
            throw lostDigits(column);
        }
        return text(column, text);
    }

    private static Unreadable lostDigits(SheetColumn column) {
        return new Unreadable(column.chineseName() + "被 Excel 当成数字，后几位已经丢失；请把这一列设为“文本”格式后重新填写 ("
                + column.englishName() + " was stored as a number and Excel dropped its last digits; "
                + "format the column as Text and enter it again)");
    }

    /** Free text such as a title or province, trimmed; empty when the cell is. */
    static String text(SheetColumn column, CellValue cell) throws Unreadable {
        return text(column, strip(cell.text()));
    }

    private static String text(SheetColumn column, String text) throws Unreadable {
        if (column.maxLength() > 0 && text.codePointCount(0, text.length()) > column.maxLength()) {
            throw new Unreadable(column.chineseName() + "太长，最多" + column.maxLength() + "个字 ("
                    + column.englishName() + " is longer than " + column.maxLength() + " characters)");
        }
        return text;
    }

    /** A whole number of units, 1 to {@value #MAX_QUANTITY}. */
    static int quantity(CellValue cell) throws Unreadable {
        Unreadable notAQuantity = new Unreadable("数量必须是1到" + MAX_QUANTITY + "之间的正整数 "
                + "(quantity must be a positive whole number from 1 to " + MAX_QUANTITY + ")");
        if (cell.isBlank()) {
            throw new Unreadable("数量不能为空 (quantity is required)");
        }
        BigDecimal value = number(cell).orElseThrow(() -> notAQuantity);
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            throw notAQuantity;
        }
        return value.intValueExact();
    }

    /** Yuan with at most two decimals, as fen exactly; never negative. */
    static long amountFen(CellValue cell) throws Unreadable {
        if (cell.isBlank()) {
            throw new Unreadable("金额不能为空 (amount_yuan is required)");
        }
        BigDecimal yuan = (cell instanceof CellValue.Number n ? Optional.of(n.decimal())
                : decimal(strip(normalised(cell.text()).replace("¥", "").replace("元", ""))))
                .orElseThrow(() -> new Unreadable("金额必须是数字，以元为单位，最多两位小数，例如 99.90 "
                        + "(amount_yuan must be a number of yuan with at most 2 decimals, e.g. 99.90)"));
        if (yuan.signum() < 0) {
            throw new Unreadable("金额不能是负数 (amount_yuan must not be negative)");
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new Unreadable("金额最多两位小数（到分） (amount_yuan has more than 2 decimals; fen is the smallest unit)");
        }
        try {
            return yuan.movePointRight(2).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new Unreadable("金额太大 (amount_yuan is too large)");
        }
    }

    /**
     * A local time as the sheet writes it: a date cell, or text in one of the accepted formats.
     *
     * @param column {@link SheetColumn#PAID_AT} or {@link SheetColumn#SHIP_BY}, to name in the reason
     */
    static LocalDateTime time(SheetColumn column, CellValue cell, boolean date1904) throws Unreadable {
        if (cell instanceof CellValue.DateTime dateTime) {
            return dateTime.value();
        }
        if (cell instanceof CellValue.Number number) {
            double serial = number.value();
            if (serial >= FIRST_PLAUSIBLE_SERIAL && serial < LAST_PLAUSIBLE_SERIAL) {
                return DateUtil.getLocalDateTime(serial, date1904, true);
            }
        }
        String text = normalised(cell.text()).replaceAll("\\s+", " ");
        for (DateTimeFormatter format : TIME_FORMATS) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException tryNext) {
                // the next format may fit
            }
        }
        if (text.isEmpty()) {
            throw new Unreadable(column.chineseName() + "不能为空 (" + column.englishName() + " is required)");
        }
        throw new Unreadable(column.chineseName() + "看不懂，请写成 2024-05-01 09:30 或 2024/5/1 9:30 "
                + "(" + column.englishName() + " must look like 2024-05-01 09:30, 2024-05-01 09:30:00 or 2024/5/1 9:30)");
    }

    private static Optional<BigDecimal> number(CellValue cell) {
        if (cell instanceof CellValue.Number n) {
            return Optional.of(n.decimal());
        }
        return decimal(normalised(cell.text()));
    }

    private static Optional<BigDecimal> decimal(String text) {
        String plain = GROUPED.matcher(text).matches() ? text.replace(",", "") : text;
        if (!DECIMAL.matcher(plain).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(plain));
    }

    /** Full-width digits, colons and spaces typed with a Chinese input method read as plain ones. */
    private static String normalised(String text) {
        return strip(Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    /** Trims ordinary, full-width and no-break spaces and stray byte-order marks. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
