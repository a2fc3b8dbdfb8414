package cn.jiyun.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as every platform's mapper hands it to {@link OrderIntake}: no buyer PII, only the
 * region the parcel goes to, and the raw platform payload kept for audit and replay.
 *
 * @param platform        where the order was placed
 * @param shopId          the platform's shop id
 * @param platformOrderId the platform's order id, always a string (ids exceed 2^53)
 * @param status          the platform status in common terms
 * @param createdAt       when the buyer placed it
 * @param paidAt          when it was paid; {@code null} while unpaid
 * @param updatedAt       the platform's last change; newer wins, older updates are ignored
 * @param shipBy          the platform's ship-by deadline; {@code null} if it gives none
 * @param lines           at least one line
 * @param totalAmountFen  what the buyer paid in all, in fen
 * @param buyerProvince   destination province, e.g. 广东省; may be empty
 * @param buyerCity       destination city, e.g. 深圳市; may be empty
 * @param rawPayload      the platform's JSON (or the spreadsheet row) this was mapped from
 */
public record CanonicalOrder(
        Platform platform,
        String shopId,
        String platformOrderId,
        PlatformOrderStatus status,
        Instant createdAt,
        Instant paidAt,
        Instant updatedAt,
        Instant shipBy,
        List<OrderLine> lines,
        long totalAmountFen,
        String buyerProvince,
        String buyerCity,
        String rawPayload) {

    public CanonicalOrder {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(platformOrderId, "platformOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + platformOrderId + " has no lines");
        }
        if (totalAmountFen < 0) {
            throw new IllegalArgumentException("totalAmountFen must not be negative");
        }
        buyerProvince = buyerProvince == null ? "" : buyerProvince;
        buyerCity = buyerCity == null ? "" : buyerCity;
        rawPayload = rawPayload == null ? "" : rawPayload;
    }

    public Optional<Instant> paidTime() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<Instant> shipByDeadline() {
        return Optional.ofNullable(shipBy);
    }
}
