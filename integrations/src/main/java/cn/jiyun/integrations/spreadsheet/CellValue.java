package cn.jiyun.integrations.spreadsheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One cell as read: CSV gives only text, XLSX also numbers and date cells. */
sealed interface CellValue {

    CellValue BLANK = new Text("");

    /** The cell as a person reads it. */
    String text();

    default boolean isBlank() {
        return OrderSheetValues.strip(text()).isEmpty();
    }

    record Text(String value) implements CellValue {
        @Override
        public String text() {
            return value;
        }
    }

    /** A numeric cell; Excel keeps 15 significant digits, so that is what it means. */
    record Number(double value) implements CellValue {
        private static final MathContext EXCEL_PRECISION = new MathContext(15);

        BigDecimal decimal() {
            BigDecimal rounded = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
            return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
        }

        @Override
        public String text() {
            return decimal().toPlainString();
        }
    }

    /** A date-formatted numeric cell, in the sheet's local time. */
    record DateTime(LocalDateTime value) implements CellValue {
        private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

        @Override
        public String text() {
            return SHOWN.format(value);
        }
    }
}
