package cn.jiyun.integrations.spreadsheet;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The columns an order sheet may have, with the header names (Chinese or English) that mean them.
 * There is deliberately no column for the buyer's name, phone or address.
 */
public enum SheetColumn {
    ORDER_ID("订单号", "order_id", true, 64, "订单编号"),
    SKU("商品编码", "sku", true, 100),
    TITLE("商品名称", "title", false, 400),
    QUANTITY("数量", "quantity", true, 0),
    AMOUNT_YUAN("金额(元)", "amount_yuan", true, 0, "金额"),
    PAID_AT("付款时间", "paid_at", true, 0),
    SHIP_BY("最晚发货时间", "ship_by", false, 0),
    PROVINCE("省", "province", false, 50, "省份"),
    CITY("市", "city", false, 50, "城市");

    private final String chineseName;
    private final String englishName;
    private final boolean required;
    private final int maxLength;
    private final Set<String> headers;

    SheetColumn(String chineseName, String englishName, boolean required, int maxLength, String... aliases) {
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.required = required;
        this.maxLength = maxLength;
        this.headers = Stream.concat(Stream.of(chineseName, englishName), Arrays.stream(aliases))
                .map(SheetColumn::normalise)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The header the template writes, e.g. {@code 金额(元)}. */
    public String chineseName() {
        return chineseName;
    }

    /** The English header, e.g. {@code amount_yuan}; also the key in a spreadsheet order's raw payload. */
    public String englishName() {
        return englishName;
    }

    public boolean required() {
        return required;
    }

    /** The longest value Jiyun stores for this column; 0 when the value is not free text. */
    int maxLength() {
        return maxLength;
    }

    /** The column a header means, whatever its case, spacing or full-width characters. */
    public static Optional<SheetColumn> forHeader(String header) {
        String key = normalise(header);
        return Arrays.stream(values()).filter(c -> c.headers.contains(key)).findFirst();
    }

    /** True for headers such as 收件人, 手机号 or {@code Address} that hold buyer details. */
    static boolean holdsPersonalData(String header) {
        String key = normalise(header);
        return forHeader(header).isEmpty() && Words.PERSONAL_DATA.stream().anyMatch(key::contains);
    }

    static String normalise(String header) {
        String folded = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Words.IGNORED_IN_HEADERS.matcher(folded).replaceAll("");
    }

    /** Kept apart because an enum's constants are built before its own static fields. */
    private static final class Words {
        /** Parentheses, underscores, hyphens and spaces do not tell headers apart: "Amount (yuan)" is amount_yuan. */
        static final Pattern IGNORED_IN_HEADERS = Pattern.compile("[\\s()_\\-\\u3000\\uFEFF]");

        /** Header words that mean buyer details, which Jiyun does not take from sheets. */
        static final List<String> PERSONAL_DATA = List.of("收件人", "收货人", "联系人", "姓名", "名字",
                "电话", "手机", "地址", "身份证", "微信", "name", "phone", "mobile", "tel", "address", "wechat");
    }
}
