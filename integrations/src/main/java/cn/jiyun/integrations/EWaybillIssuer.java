package cn.jiyun.integrations;

/**
 * One platform's e-waybill service: takes a waybill number from the carrier through the platform for an order,
 * and cancels (voids) one taken by mistake. Each platform package provides one as a bean; fulfillment calls it
 * from the hub.
 *
 * <p>Taking is idempotent on {@link EWaybillRequest#requestKey()}: asked again with the same key (after a timeout,
 * say) the platform answers the waybill it already took rather than a second one.
 */
public interface EWaybillIssuer {

    Platform platform();

    /**
     * Takes the order's e-waybill, or answers the one already taken under the same request key.
     *
     * @throws AuthorisationRevokedException when the platform refuses the shop's authorisation
     * @throws PlatformException             a refusal ({@code retryable() == false}, with the platform's reason)
     *                                       or the platform staying unavailable ({@code retryable() == true})
     */
    EWaybill take(ShopAccount shop, EWaybillRequest request);

    /**
     * Voids a waybill at the platform, so the carrier's number is given back and never used.
     *
     * @throws PlatformException when the platform refuses (printed and collected already, say) or stays unavailable
     */
    void cancel(ShopAccount shop, EWaybillAccount account, String waybillNumber, String platformReference);
}
