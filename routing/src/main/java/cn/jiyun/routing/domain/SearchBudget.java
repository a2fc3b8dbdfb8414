package cn.jiyun.routing.domain;

import java.util.function.BooleanSupplier;

/**
 * How long the plan's own search phases may run, and how they learn that solving must stop now. OptaPlanner 9.44
 * gives a custom phase neither its termination nor the solver, so whoever starts the solver attaches this to the
 * plan (the solution cloner copies the reference).
 *
 * @param deadlineNanos   {@link System#nanoTime()} by which solving ends
 * @param unimprovedNanos stop early when the best plan has not improved for this long (0: never early)
 * @param stopRequested   true once the solver was asked to stop or a problem change waits to be applied
 * @param searches        independent searches to run side by side, each on its own thread, the best kept (1: one,
 *                        on the solver's thread)
 */
public record SearchBudget(long deadlineNanos, long unimprovedNanos, BooleanSupplier stopRequested, int searches) {

    /** A plan this short or shorter is a quick answer: someone waits for it. */
    public static final long QUICK_ANSWER_NANOS = 5_000_000_000L;

    public SearchBudget {
        if (searches < 1) {
            throw new IllegalArgumentException("searches must be at least 1: " + searches);
        }
    }

    /** Whether the time left at {@code nowNanos} makes this a quick answer. */
    public boolean isQuickAnswer(long nowNanos) {
        return deadlineNanos - nowNanos <= QUICK_ANSWER_NANOS;
    }

    /** A budget ending at {@code deadlineNanos}, stopped by nothing else, one search. */
    public static SearchBudget until(long deadlineNanos) {
        return new SearchBudget(deadlineNanos, 0, () -> false, 1);
    }
}
