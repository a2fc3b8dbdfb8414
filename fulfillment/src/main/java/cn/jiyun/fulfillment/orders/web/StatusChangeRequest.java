package cn.jiyun.fulfillment.orders.web;

import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.integrations.Carrier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Moves an order by hand. NEEDS_ATTENTION needs a {@code note} (the reason); HANDED_TO_CARRIER needs
 * the {@code carrier} and {@code waybillNumber}.
 */
public record StatusChangeRequest(
        @NotNull OrderStatus status,
        @Size(max = 1000) String note,
        Carrier carrier,
        @Size(max = 64) String waybillNumber) {
}
