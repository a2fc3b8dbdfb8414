package cn.jiyun.integrations.tracking;

import cn.jiyun.integrations.Carrier;

import java.util.Map;
import java.util.Objects;

/**
 * One waybill to follow.
 *
 * @param carrier            the express carrier that took the parcel
 * @param waybillNumber      its number
 * @param callbackParameters added to the query of the configured callback, so that each push says them back
 *                           (e.g. the cooperative, for a push Jiyun cannot place)
 */
public record WaybillSubscription(Carrier carrier, String waybillNumber, Map<String, String> callbackParameters) {

    public WaybillSubscription {
        Objects.requireNonNull(carrier, "carrier");
        if (waybillNumber == null || waybillNumber.isBlank()) {
            throw new IllegalArgumentException("a subscription needs a waybill number");
        }
        callbackParameters = Map.copyOf(callbackParameters);
    }
}
