package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One order in the sandbox's order book, in platform-neutral terms; each platform's API renders it
 * in that platform's wire format. Immutable: a change is a new version with a later update time.
 *
 * @param platform     where it was placed
 * @param shopId       the shop it belongs to
 * @param orderId      the platform's order id
 * @param createdAt    when the buyer placed it
 * @param paidAt       when the buyer paid (every sandbox order is paid)
 * @param updatedAt    the last change
 * @param state        paid (waiting to ship), shipped or cancelled
 * @param lines        what was bought; Kuaishou orders have exactly one line
 * @param postageFen   postage the buyer paid
 * @param destination  where the parcel goes
 * @param buyer        the buyer as the platform shows a seller: masked
 * @param shipBy       the platform's ship-by deadline
 * @param shipment     the waybill written back, once shipped
 * @param cancelReason why it was cancelled, once cancelled
 */
public record SandboxOrder(
        Platform platform,
        String shopId,
        String orderId,
        Instant createdAt,
        Instant paidAt,
        Instant updatedAt,
        State state,
        List<Line> lines,
        long postageFen,
        Destination destination,
        Buyer buyer,
        Instant shipBy,
        Shipment shipment,
        String cancelReason) {

    public SandboxOrder {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        lines = List.copyOf(lines);
        cancelReason = cancelReason == null ? "" : cancelReason;
    }

    /**
     * A paid order the platform had before the sandbox started, from what a store knows of it: its
     * lines (SKU, title, quantity, amount) and the buyer's province and city. What the store does not
     * keep (street, buyer) is masked as the platforms mask it.
     */
    public static SandboxOrder known(Platform platform, String shopId, String orderId, Instant createdAt,
                                     Instant paidAt, Instant updatedAt, List<KnownLine> lines, String province,
                                     String city, Instant shipBy) {
        List<Line> wireLines = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            KnownLine line = lines.get(i);
            // Douyin's sub-orders and Kuaishou's items are numbered after their order; WeChat's lines have no id
            String lineId = platform == Platform.WECHAT ? "" : Long.toString(Long.parseLong(orderId) + 1 + i);
            wireLines.add(new Line(lineId, line.skuId(), line.title(), line.quantity(),
                    line.amountFen() / line.quantity(), 0));
        }
        return new SandboxOrder(platform, shopId, orderId, createdAt, paidAt, updatedAt, State.PAID, wireLines, 0,
                new Destination(province, city, "", "", 0, 0, 0, ""), new Buyer("*", "1**********", "***",
                        java.util.UUID.nameUUIDFromBytes(orderId.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .toString().replace("-", ""), "买家***"), shipBy,
                null, "");
    }

    /** A line of a {@link #known} order: the amount is the whole line's, before any discount. */
    public record KnownLine(String skuId, String title, int quantity, long amountFen) {
    }

    /** Where an order stands; the platforms' own status codes are derived from it. */
    public enum State { PAID, SHIPPED, CANCELLED }

    /**
     * One bought SKU.
     *
     * @param lineId      the platform's id of the line (Douyin sub-order, Kuaishou order item)
     * @param skuId       the platform SKU id
     * @param title       the product title
     * @param quantity    units bought
     * @param unitFen     list price of one unit
     * @param discountFen what promotions took off the line
     */
    public record Line(String lineId, String skuId, String title, int quantity, long unitFen, long discountFen) {
        public long amountFen() {
            return unitFen * quantity;
        }

        public long paidFen() {
            return amountFen() - discountFen;
        }
    }

    /** A destination as the platforms' address fields carry it; codes are the national 6-digit ones. */
    public record Destination(String province, String city, String district, String street, int provinceCode,
                              int cityCode, int districtCode, String postalCode) {
    }

    /** The buyer as sellers see them: masked name, phone and street, an opaque open id. */
    public record Buyer(String maskedName, String maskedPhone, String maskedStreet, String openId, String nick) {
    }

    /** A waybill the seller wrote back. */
    public record Shipment(String carrierCode, String waybillNumber, Instant shippedAt) {
    }

    public long goodsFen() {
        return lines.stream().mapToLong(Line::amountFen).sum();
    }

    public long discountFen() {
        return lines.stream().mapToLong(Line::discountFen).sum();
    }

    /** What the buyer paid in all: goods less discounts plus postage. */
    public long paidFen() {
        return goodsFen() - discountFen() + postageFen;
    }

    public Optional<Shipment> shipped() {
        return Optional.ofNullable(shipment);
    }

    SandboxOrder shippedWith(Shipment waybill) {
        return new SandboxOrder(platform, shopId, orderId, createdAt, paidAt, waybill.shippedAt(), State.SHIPPED,
                lines, postageFen, destination, buyer, shipBy, waybill, cancelReason);
    }

    SandboxOrder cancelledAt(Instant at, String reason) {
        return new SandboxOrder(platform, shopId, orderId, createdAt, paidAt, at, State.CANCELLED, lines, postageFen,
                destination, buyer, shipBy, shipment, reason);
    }
}
