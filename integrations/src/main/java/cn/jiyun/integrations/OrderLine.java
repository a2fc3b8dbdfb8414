package cn.jiyun.integrations;

import java.util.Objects;

/**
 * One line of a platform order.
 *
 * @param platformSku the platform's SKU id (what SKU→producer mappings are keyed on)
 * @param title       the product title as the buyer saw it
 * @param quantity    number of units, at least 1
 * @param amountFen   what the buyer paid for the line, in fen
 */
public record OrderLine(String platformSku, String title, int quantity, long amountFen) {
    public OrderLine {
        Objects.requireNonNull(platformSku, "platformSku");
        if (platformSku.isBlank()) {
            throw new IllegalArgumentException("platformSku is blank");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        if (amountFen < 0) {
            throw new IllegalArgumentException("amountFen must not be negative, was " + amountFen);
        }
        title = title == null ? "" : title;
    }
}
