package cn.jiyun.integrations;

/**
 * One platform's order source and waybill sink. Each platform package provides one as a bean;
 * its Camel routes call it on a schedule and on webhook hints, and fulfillment calls it on shop
 * registration and for the write-back queue.
 */
public interface PlatformConnector {

    Platform platform();

    /**
     * Pulls every order of the shop updated since its cursor (or within the backfill window when
     * it has none) into {@link OrderIntake}, advancing the cursor only after each batch is stored.
     *
     * @throws AuthorisationRevokedException when the platform refuses the shop's authorisation
     * @throws PlatformException             when the platform stays unavailable after retries
     */
    SyncReport synchronise(ShopAccount shop);

    /**
     * Tells the platform the order's waybill. Safe to repeat: a notice the platform already has is
     * success, not an error.
     *
     * @throws PlatformException when the platform refuses it or stays unavailable
     */
    void writeBack(ShopAccount shop, ShipmentNotice notice);
}
