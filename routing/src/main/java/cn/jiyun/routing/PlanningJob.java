package cn.jiyun.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.SearchBudget;

/**
 * A plan being solved in the background: watch it through its listener or {@link #bestPlan()}, stop it early, and
 * feed it orders that arrive or are cancelled meanwhile. Pinned stops stay where they are.
 */
public final class PlanningJob {

    /** Prepares the problem (a dispatch policy's decision, the travel matrix), told when a stop is requested. */
    private final Function<BooleanSupplier, CompiledProblem> compile;
    /** The problem as the solver sees it, once compiled on the planner's thread (with its travel matrix). */
    private final CompletableFuture<CompiledProblem> compiled = new CompletableFuture<>();
    private final Solver<PickupPlan> solver;
    private final BestPlanListener listener;
    private final CompletableFuture<Plan> result = new CompletableFuture<>();
    private final AtomicReference<Plan> best = new AtomicReference<>();
    /** The solver's latest best solution (a clone it no longer touches), read into a Plan only when asked. */
    private final AtomicReference<PickupPlan> bestSolution = new AtomicReference<>();
    private final long startedNanos = System.nanoTime();
    private PickupPlan extractedFrom;
    /** When solving must end (System.nanoTime): the solver's own limit starts later, after it has been built. */
    private final long deadlineNanos;
    private final Duration unimprovedLimit;
    /** Set by {@link #stop()}, which may come before the solver has started (and would then be forgotten by it). */
    private volatile boolean stopRequested;
    /** At most this many searches side by side (a quick answer runs two). */
    private final int maxSearches;

    PlanningJob(Function<BooleanSupplier, CompiledProblem> compile, Solver<PickupPlan> solver, BestPlanListener listener,
            long deadlineNanos, Duration unimprovedLimit, int maxSearches) {
        this.compile = compile;
        this.maxSearches = maxSearches;
        this.solver = solver;
        this.deadlineNanos = deadlineNanos;
        this.unimprovedLimit = unimprovedLimit;
        this.listener = listener;
        solver.addEventListener(event -> {
            if (stopRequested || System.nanoTime() >= deadlineNanos) {
                // a stop (or the deadline) that came before solving started: the solver resets it when it starts
                solver.terminateEarly();
            }
            publish(event.getNewBestSolution());
        });
    }

    /** On the solver's thread: a solution it no longer touches becomes the best so far, and the listener hears. */
    private void publish(PickupPlan solution) {
        bestSolution.set(solution);
        if (listener != null) {
            Plan plan = PlanExtractor.extract(compiled.join(), solution);
            listener.onBestPlan(new PlanProgress(plan.score(), plan.feasible(), plan.costFen(),
                    plan.unassigned().size(), Duration.ofNanos(System.nanoTime() - startedNanos), plan));
        }
    }

    /** Compiles the problem (the travel matrix may take seconds from a road-routing service), then solves it. */
    void run() {
        try {
            CompiledProblem problem = compile.apply(() -> stopRequested || System.nanoTime() >= deadlineNanos);
            problem.plan.setSearchBudget(new SearchBudget(deadlineNanos,
                    unimprovedLimit == null ? 0 : unimprovedLimit.toNanos(),
                    () -> stopRequested || solver.isTerminateEarly() || !solver.isEveryProblemChangeProcessed(),
                    Math.min(maxSearches, searches(deadlineNanos - System.nanoTime()))));
            compiled.complete(problem);
            if (problem.plan.getStops().isEmpty()) {
                // nothing to collect (every parcel held or set aside): OptaPlanner refuses an empty value range
                problem.plan.setScore(HardMediumSoftLongScore.ZERO);
                Plan plan = PlanExtractor.extract(problem, problem.plan);
                best.set(plan);
                result.complete(plan);
                return;
            }
            CompletableFuture.delayedExecutor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .execute(solver::terminateEarly);
            Plan plan = PlanExtractor.extract(problem, solver.solve(problem.plan));
            best.set(plan);
            result.complete(plan);
        } catch (RuntimeException | Error e) {
            compiled.completeExceptionally(e);
            result.completeExceptionally(e);
        }
    }

    /**
     * A quick answer (someone waits for it, a few seconds at most) gets two searches side by side, the better kept:
     * one search sometimes misses a vehicle it could save within the second. A longer plan keeps to one thread and
     * leaves the other core to the service.
     */
    private static int searches(long nanosLeft) {
        return nanosLeft <= SearchBudget.QUICK_ANSWER_NANOS ? Math.min(2, Runtime.getRuntime().availableProcessors())
                : 1;
    }

    /** Completes with the final plan when solving ends (time limit, unimproved limit or {@link #stop()}). */
    public CompletableFuture<Plan> result() {
        return result;
    }

    /** The best plan so far, if the solver has produced one. */
    public synchronized Optional<Plan> bestPlan() {
        PickupPlan solution = bestSolution.get();
        if (solution != null && solution != extractedFrom && !result.isDone()) {
            best.set(PlanExtractor.extract(compiled.join(), solution));
            extractedFrom = solution;
        }
        return Optional.ofNullable(best.get());
    }

    public boolean isSolving() {
        return !result.isDone();
    }

    /** Ends solving early; {@link #result()} then completes with the best plan found. */
    public void stop() {
        stopRequested = true;
        solver.terminateEarly();
    }

    /**
     * Adds parcels that arrived while solving (their producers must be part of the problem). Returns false when
     * solving has already ended: plan again instead.
     */
    public boolean addParcels(List<Parcel> parcels) {
        if (!isSolving()) {
            return false;
        }
        List<Parcel> copy = List.copyOf(parcels);
        return change((compiled, edits) -> {
            List<UnassignedParcel> unservable = new ArrayList<>();
            for (PickupStop stop : compiled.stopsFor(copy, unservable)) {
                PickupStop existing = compiled.joinable(edits.plan().getStops(), stop);
                if (existing != null) {
                    // the producer is visited already: the new parcels ride with that visit, where it is
                    edits.replace(existing, compiled.joined(existing, stop));
                } else {
                    // Left unplaced: the construction heuristic, rerun after every problem change, inserts it.
                    edits.addUnplaced(stop);
                }
            }
            compiled.addRejected(unservable);
        });
    }

    /**
     * Removes cancelled parcels; a stop that keeps other parcels keeps its place, and so does a pinned stop (visited
     * or fixed by a person) that keeps none. Returns false when solving has already ended.
     */
    public boolean cancelParcels(Collection<String> parcelIds) {
        if (!isSolving()) {
            return false;
        }
        Set<String> cancelled = Set.copyOf(parcelIds);
        return change((compiled, edits) -> {
            compiled.forgetRejected(cancelled);
            for (PickupStop stop : List.copyOf(edits.plan().getStops())) {
                if (stop.getParcelIds().stream().noneMatch(cancelled::contains)) {
                    continue;
                }
                List<Parcel> kept = stop.getParcelIds().stream().filter(id -> !cancelled.contains(id))
                        .map(compiled::parcel).toList();
                if (kept.isEmpty() && !stop.isPinned() && !stop.isDayPinned()) {
                    edits.remove(stop);
                } else {
                    edits.replace(stop, compiled.replacement(stop, kept));
                }
            }
        });
    }

    @SuppressWarnings("deprecation") // see WorkingPlanEdits: the newer ProblemChange cannot edit a list variable
    private boolean change(BiConsumer<CompiledProblem, WorkingPlanEdits> change) {
        // Runs on the solver's thread while it solves, so after the problem was compiled.
        return solver.addProblemFactChange(director -> {
            WorkingPlanEdits edits = new WorkingPlanEdits(director);
            change.accept(compiled.join(), edits);
            if (!edits.leftStopsUnplaced()) {
                // The solver reports a best plan only when its score improves, and a cancellation or a parcel
                // joining a visit may not: without this, the plan in progress would show the change only after
                // the next improvement. (New stops are placed at once by the construction, which is reported.)
                publish(edits.snapshot());
            }
        });
    }
}
