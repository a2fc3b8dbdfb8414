package cn.jiyun.integrations.spreadsheet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded order sheets, under {@code jiyun.platforms.spreadsheet}.
 *
 * @param maxBytes         the largest file accepted
 * @param maxRows          the most order rows (header and blank rows not counted) in one file
 * @param maxUnpackedBytes the most an XLSX (a zip) may expand to, so a small file cannot exhaust memory
 */
@ConfigurationProperties("jiyun.platforms.spreadsheet")
public record SpreadsheetProperties(
        @DefaultValue("5MB") DataSize maxBytes,
        @DefaultValue("5000") int maxRows,
        @DefaultValue("25MB") DataSize maxUnpackedBytes) {

    public SpreadsheetProperties {
        if (maxBytes == null || maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("jiyun.platforms.spreadsheet.max-bytes must be positive");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("jiyun.platforms.spreadsheet.max-rows must be positive");
        }
        if (maxUnpackedBytes == null || maxUnpackedBytes.toBytes() < 1) {
            throw new IllegalArgumentException("jiyun.platforms.spreadsheet.max-unpacked-bytes must be positive");
        }
    }

    /** The documented defaults: 5 MB, 5,000 rows, 25 MB unpacked. */
    public static SpreadsheetProperties defaults() {
        return new SpreadsheetProperties(DataSize.ofMegabytes(5), 5000, DataSize.ofMegabytes(25));
    }
}
