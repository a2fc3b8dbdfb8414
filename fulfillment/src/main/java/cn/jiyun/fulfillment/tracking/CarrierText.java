package cn.jiyun.fulfillment.tracking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The carrier's words made fit to keep and show: a scan often names the courier's or the buyer's phone
 * ("派件员：李师傅，电话：13912345678"), and the public tracking page is open to anyone with its link. Every run of
 * seven or more digits (a mobile or a landline without its area code) keeps only its last four, the way Chinese
 * logistics already say "尾号5678"; shorter runs (a carrier's hotline 95311, a time, a street number) stay.
 */
final class CarrierText {

    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{7,}");

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
        return out.toString();
    }
}
