package cn.jiyun.integrations;

/**
 * Where connectors deliver orders; implemented by the fulfillment service.
 *
 * <p>{@link #receive} is an idempotent upsert keyed on (platform, shop, order id): the same
 * order delivered twice is stored once, and an update older than the stored one is ignored.
 * Each call commits on its own, so a connector may advance its cursor once every order of a
 * batch has returned.
 */
public interface OrderIntake {

    IntakeOutcome receive(CanonicalOrder order);

    /** Keeps a message that could not be mapped, with its reason, visible and retryable. */
    void deadLetter(DeadLetter letter);
}
