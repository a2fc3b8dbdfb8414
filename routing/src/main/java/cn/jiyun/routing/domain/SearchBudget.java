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
 */
public record SearchBudget(long deadlineNanos, long unimprovedNanos, BooleanSupplier stopRequested) {

    /** A budget ending at {@code deadlineNanos}, stopped by nothing else. */
    public static SearchBudget until(long deadlineNanos) {
        return new SearchBudget(deadlineNanos, 0, () -> false);
    }
}
