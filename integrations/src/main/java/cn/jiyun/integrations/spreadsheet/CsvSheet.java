package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.spreadsheet.SheetRejectedException.Refusal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV order sheet: UTF-8 with or without BOM, else GB18030 (what Excel on Chinese Windows
 * writes), fields per RFC 4180. Row numbers count records as Excel shows them, so a quoted field
 * with a line break stays one row and blank lines still count.
 */
final class CsvSheet {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSheet() {
    }

    static SheetTable read(byte[] bytes) {
        return new SheetTable(rows(decode(bytes)), false);
    }

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new SheetRejectedException(Refusal.UNREADABLE,
                    "文件是 UTF-16 编码的文本，请在 Excel 里另存为“CSV UTF-8（逗号分隔）”再上传 "
                            + "(the file is UTF-16 text; save it as \"CSV UTF-8 (comma delimited)\" and upload again)");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new SheetRejectedException(Refusal.UNREADABLE,
                        "文件不是文本格式的 CSV，可能已损坏 (the file is not a text CSV; it may be damaged)");
            }
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return strictly(StandardCharsets.UTF_8, content);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strictly(GB18030, content);
            } catch (CharacterCodingException notGb18030) {
                throw new SheetRejectedException(Refusal.UNREADABLE,
                        "无法识别文件的文字编码，请另存为“CSV UTF-8（逗号分隔）”再上传 "
                                + "(the text encoding is neither UTF-8 nor GB18030; save as \"CSV UTF-8\" and upload again)",
                        notGb18030);
            }
        }
    }

    private static String strictly(Charset charset, ByteBuffer content) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(content.duplicate())
                .toString();
    }

    /** RFC 4180 records; blank records are counted but not returned. */
    static List<SheetRow> rows(String text) {
        List<SheetRow> rows = new ArrayList<>();
        List<CellValue> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int record = 1;
        int quoteOpenedIn = 0;
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        boolean recordHasContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(new CellValue.Text(field.toString()));
                field.setLength(0);
                fieldWasQuoted = false;
                recordHasContent = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(new CellValue.Text(field.toString()));
                addUnlessBlank(rows, record, fields);
                record++;
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                recordHasContent = false;
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                inQuotes = true;
                fieldWasQuoted = true;
                quoteOpenedIn = record;
                recordHasContent = true;
            } else {
                // a stray quote inside an unquoted field is kept as written, as Excel does
                field.append(c);
                recordHasContent = true;
            }
        }
        if (inQuotes) {
            throw new SheetRejectedException(Refusal.UNREADABLE, "第" + quoteOpenedIn + "行有一个双引号没有闭合，"
                    + "后面的内容无法分行 (row " + quoteOpenedIn + " opens a double quote that is never closed, "
                    + "so the rest of the file cannot be split into rows)");
        }
        if (recordHasContent) {
            fields.add(new CellValue.Text(field.toString()));
            addUnlessBlank(rows, record, fields);
        }
        return rows;
    }

    private static void addUnlessBlank(List<SheetRow> rows, int number, List<CellValue> fields) {
        if (!SheetRow.isBlank(fields)) {
            rows.add(new SheetRow(number, fields));
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
