package cn.jiyun.fulfillment;

import java.time.Duration;

/**
 * How a queue of calls to an outside service retries (the waybill write-back, the tracking subscriptions): a wait
 * after each failure that doubles from {@code firstBackOff} up to {@code maxBackOff}, and {@code maxAttempts} before
 * the item is marked failed for a person to retry.
 */
public record Retries(int maxAttempts, Duration firstBackOff, Duration maxBackOff) {

    public Retries {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, was " + maxAttempts);
        }
        if (firstBackOff.isNegative() || firstBackOff.isZero() || maxBackOff.compareTo(firstBackOff) < 0) {
            throw new IllegalArgumentException("first-back-off must be positive and at most max-back-off, was "
                    + firstBackOff + " and " + maxBackOff);
        }
    }

    /** As the constructor, with a refusal naming the settings under {@code prefix} (e.g. {@code jiyun.write-back}). */
    public static Retries of(String prefix, int maxAttempts, Duration firstBackOff, Duration maxBackOff) {
        try {
            return new Retries(maxAttempts, firstBackOff, maxBackOff);
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException(prefix + "." + wrong.getMessage(), wrong);
        }
    }

    /** The wait after the {@code attempts}-th failure. */
    public Duration backOffAfter(int attempts) {
        Duration wait = firstBackOff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }

    /** Whether a failure after {@code attemptsBefore} attempts ends the retries: a refusal for good, or none left. */
    public boolean givesUp(int attemptsBefore, boolean permanent) {
        return permanent || attemptsBefore + 1 >= maxAttempts;
    }
}
