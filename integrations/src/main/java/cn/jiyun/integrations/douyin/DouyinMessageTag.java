package cn.jiyun.integrations.douyin;

import java.util.Arrays;
import java.util.Optional;

/**
 * The order-related push tags of README 1.9. Every one of them only says "this shop's orders
 * changed"; the sync that follows reads what changed.
 */
public enum DouyinMessageTag {
    ORDER_CREATED("100"),
    ORDER_PAID("101"),
    ORDER_SHIPPED("102"),
    ORDER_COMPLETED("103"),
    TRACKING_CHANGED("104"),
    ADDRESS_CHANGED("105"),
    ORDER_CANCELLED("106"),
    PARTLY_SHIPPED("108"),
    PRICE_CHANGED("109"),
    PAID_PENDING("110"),
    ADDRESS_CHANGE_REQUESTED("111"),
    SELLER_REMARK("113"),
    SHIP_DEADLINE_CHANGED("126");

    /** Tag Douyin's console sends when it checks the URL; answered, never synced. */
    static final String CONSOLE_CHECK = "0";

    private final String tag;

    DouyinMessageTag(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The order tag, or for 200–227 an after-sale event (a refund may cancel the order), else empty. */
    static Optional<String> eventOf(String tag) {
        Optional<DouyinMessageTag> known = Arrays.stream(values()).filter(t -> t.tag.equals(tag)).findFirst();
        if (known.isPresent()) {
            return Optional.of(known.get().name());
        }
        try {
            int number = Integer.parseInt(tag);
            return number >= 200 && number <= 227 ? Optional.of("AFTER_SALE_" + number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
