package cn.jiyun.fulfillment.tracking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The carrier's words made fit to keep and show: a scan often names the courier's or the buyer's phone
 * ("派件员：李师傅，电话：13912345678"), and the public tracking page is open to anyone with its link. Every run of
 * seven or more digits (a mobile or a landline without its area code) keeps only its last four, the way Chinese
 * logistics already say "尾号5678"; shorter runs (a carrier's hotline 95311, a time, a street number) stay. The
 * name after 签收人, 收件人, 收货人 or 代收人 becomes one star, unless it says the buyer signed themself (本人). Names
 * elsewhere in free text cannot be told from other words, so the public page shows no carrier text at all.
 */
final class CarrierText {

    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{7,}");
    private static final Pattern RECIPIENT = Pattern.compile(
            "(签收人|收件人|收货人|代收人)([：:是为\\s]*[【\\[]?)([^，,。；;】\\]\\s]{1,12})");

    private CarrierText() {
    }

    static String masked(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = LONG_DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            m.appendReplacement(out, "*".repeat(run.length() - 4) + run.substring(run.length() - 4));
        }
        m.appendTail(out);
        Matcher name = RECIPIENT.matcher(out.toString());
        StringBuilder named = new StringBuilder();
        while (name.find()) {
            String who = name.group(3);
            String shown = who.startsWith("本人") ? who : "*";
            name.appendReplacement(named, Matcher.quoteReplacement(name.group(1) + name.group(2) + shown));
        }
        name.appendTail(named);
        return named.toString();
    }
}
