package cn.jiyun.integrations.tracking;

import cn.jiyun.integrations.Carrier;

import java.util.Objects;

/**
 * One waybill to follow, and where its pushes go.
 *
 * @param carrier       the express carrier that took the parcel
 * @param waybillNumber its number
 * @param callbackUrl   Jiyun's public callback for the aggregator's pushes
 */
public record WaybillSubscription(Carrier carrier, String waybillNumber, String callbackUrl) {

    public WaybillSubscription {
        Objects.requireNonNull(carrier, "carrier");
        if (waybillNumber == null || waybillNumber.isBlank()) {
            throw new IllegalArgumentException("a subscription needs a waybill number");
        }
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }
}
