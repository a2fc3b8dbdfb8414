package cn.jiyun.integrations.tracking;

import java.util.Map;

/** A tracking aggregator: subscribes waybills and reads the pushes it then sends to Jiyun's callback. */
public interface TrackingAggregator {

    /** The aggregator's name in logs and dead letters, e.g. {@code KUAIDI100}. */
    String name();

    /**
     * Asks the aggregator to follow a waybill and push its scans to {@code callbackUrl}. A waybill the
     * aggregator already follows counts as subscribed.
     *
     * @throws TrackingException when the aggregator refused it or could not be reached
     */
    void subscribe(WaybillSubscription subscription);

    /**
     * Reads one push from the form fields it was posted with, after checking its signature.
     *
     * @throws PushRejectedException when the signature is missing or wrong, or the push cannot be read
     */
    ParcelPush read(Map<String, String> form);

    /** The body the aggregator expects back once a push is taken (or kept as a dead letter). */
    String acknowledgement();

    /** The body that tells the aggregator a push was refused. */
    String refusal(String reason);
}
