package cn.jiyun.integrations;

import java.util.ArrayList;
import java.util.List;

/**
 * Where connectors deliver orders; implemented by the fulfillment service.
 *
 * <p>{@link #receive} is an idempotent upsert keyed on (platform, shop, order id): the same
 * order delivered twice is stored once, and an update older than the stored one is ignored.
 * Each call commits on its own, so a connector may advance its cursor once every order of a
 * batch has returned. {@link #receiveAll} takes a connector's whole page at once, with the same
 * promises for each order of it.
 */
public interface OrderIntake {

    IntakeOutcome receive(CanonicalOrder order);

    /**
     * Receives a page of orders, as {@link #receive} would one by one, and returns each order's
     * outcome in the page's order. Everything is committed when it returns, so the cursor may move.
     * This default receives them one by one; the store may do a page in one go.
     */
    default List<IntakeOutcome> receiveAll(List<CanonicalOrder> page) {
        List<IntakeOutcome> outcomes = new ArrayList<>(page.size());
        for (CanonicalOrder order : page) {
            outcomes.add(receive(order));
        }
        return outcomes;
    }

    /** Keeps a message that could not be mapped, with its reason, visible and retryable. */
    void deadLetter(DeadLetter letter);
}
