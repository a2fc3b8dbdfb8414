package cn.jiyun.routing;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import cn.jiyun.routing.dispatch.Dispatch;
import cn.jiyun.routing.dispatch.DispatchDecision;
import cn.jiyun.routing.dispatch.Dispatcher;
import cn.jiyun.routing.dispatch.ScenarioSettings;
import cn.jiyun.routing.solver.PickupSolverFactory;
import cn.jiyun.routing.travel.CachingMatrixSource;
import cn.jiyun.routing.travel.GreatCircleMatrixSource;
import cn.jiyun.routing.travel.TravelMatrix;
import cn.jiyun.routing.travel.TravelMatrixSource;

/**
 * The entry point: turns a {@link PlanningProblem} into a {@link Plan}, blocking ({@link #solve}) or in the
 * background ({@link #start}). Thread-safe; one instance per application, closed on shutdown.
 */
public final class PickupPlanner implements AutoCloseable {

    private final TravelMatrixSource matrices;
    private final ExecutorService executor;

    /** Great-circle distances × 1.35 at 40 km/h, cached for the last 8 point sets. */
    public PickupPlanner() {
        this(new CachingMatrixSource(new GreatCircleMatrixSource(), 8));
    }

    public PickupPlanner(TravelMatrixSource matrices) {
        this.matrices = matrices;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "jiyun-planner-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(factory);
    }

    /** Solves for at most {@code timeLimit} (from this call) and returns the best plan. */
    public Plan solve(PlanningProblem problem, Duration timeLimit) {
        return start(problem, timeLimit, null, null).result().join();
    }

    /**
     * Starts solving in the background and returns at once. Stops {@code timeLimit} after this call, or earlier when
     * the best score has not improved for {@code unimprovedLimit} (null: run to the time limit), or on
     * {@link PlanningJob#stop()}. Preparing the problem and its travel matrix happens in the background too and
     * counts against the limit; if it fails, {@link PlanningJob#result()} completes exceptionally. The listener may
     * be null.
     */
    public PlanningJob start(PlanningProblem problem, Duration timeLimit, Duration unimprovedLimit,
            BestPlanListener listener) {
        return start(problem, timeLimit, unimprovedLimit, listener, 2);
    }

    /**
     * Solves on one thread only, even for a quick answer: for callers that run several plans side by side (the
     * sample scenarios of a dispatch policy), where each plan taking two cores would only make them wait for another.
     */
    public Plan solveOnOneThread(PlanningProblem problem, Duration timeLimit) {
        return start(problem, timeLimit, null, null, 1).result().join();
    }

    /**
     * As {@link #start(PlanningProblem, Duration, Duration, BestPlanListener)}, after {@code dispatch}'s policy has
     * decided (in the background, within the time limit) which optional parcels to hold; the plan lists them among
     * its held parcels. The sample-scenario policy takes {@link Dispatch#SCENARIO_SHARE} of the time limit for its
     * futures, each future an equal part of it.
     */
    public PlanningJob start(PlanningProblem problem, Dispatch dispatch, Duration timeLimit,
            Duration unimprovedLimit, BestPlanListener listener) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Dispatcher dispatcher = new Dispatcher(this);
        return start(stop -> {
            ScenarioSettings settings = dispatch.settings();
            long share = (long) ((deadline - System.nanoTime()) * Dispatch.SCENARIO_SHARE);
            long perScenario = share * settings.threads() / ((long) settings.scenarios() * settings.iterations());
            perScenario = Math.max(Dispatch.MIN_PER_SCENARIO.toNanos(),
                    Math.min(Dispatch.MAX_PER_SCENARIO.toNanos(), perScenario));
            DispatchDecision decision = dispatcher.decide(problem, dispatch.policy(), dispatch.history(),
                    settings.withPerScenario(Duration.ofNanos(perScenario)), dispatch.seed(), stop);
            return CompiledProblem.compile(decision.problem(), matrices, decision.held(), decision.laterVisitFen());
        }, deadline, timeLimit, unimprovedLimit, listener, 2);
    }

    /**
     * Solves a dispatch policy's decision: its problem, the optional parcels priced with the decision's estimate of
     * fetching their farms later (if it made one), and the parcels it held listed first among the plan's held ones.
     */
    public Plan solve(DispatchDecision decision, Duration timeLimit) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        return start(stop -> CompiledProblem.compile(decision.problem(), matrices, decision.held(),
                decision.laterVisitFen()), deadline, timeLimit, null, null, 2).result().join();
    }

    /** The travel matrix of {@code problem}'s points: the hubs first, then the producers, in the problem's order. */
    public TravelMatrix matrix(PlanningProblem problem) {
        return matrices.compute(CompiledProblem.points(problem));
    }

    private PlanningJob start(PlanningProblem problem, Duration timeLimit, Duration unimprovedLimit,
            BestPlanListener listener, int maxSearches) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        // compiled on the planner's thread: a road-routing service's matrix for a thousand points takes seconds
        return start(stop -> CompiledProblem.compile(problem, matrices), deadline, timeLimit, unimprovedLimit,
                listener, maxSearches);
    }

    private PlanningJob start(java.util.function.Function<java.util.function.BooleanSupplier, CompiledProblem> compile,
            long deadline,
            Duration timeLimit, Duration unimprovedLimit, BestPlanListener listener, int maxSearches) {
        PlanningJob job = new PlanningJob(compile,
                PickupSolverFactory.create(timeLimit, unimprovedLimit), listener, deadline, unimprovedLimit,
                maxSearches);
        executor.execute(job::run);
        return job;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
