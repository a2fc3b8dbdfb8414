package cn.jiyun.integrations;

import java.util.Objects;

/**
 * A waybill to write back to the order's platform once the parcel is handed to the carrier.
 *
 * @param shopId          the platform's shop id
 * @param platformOrderId the platform's order id
 * @param carrier         the express carrier
 * @param waybillNumber   the carrier's tracking number
 * @param requestId       Jiyun's idempotency key for this write-back, stable across retries
 */
public record ShipmentNotice(String shopId, String platformOrderId, Carrier carrier, String waybillNumber,
                             String requestId) {
    public ShipmentNotice {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(platformOrderId, "platformOrderId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(waybillNumber, "waybillNumber");
        Objects.requireNonNull(requestId, "requestId");
    }
}
