package cn.jiyun.routing.solver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.SearchBudget;
import cn.jiyun.routing.domain.VehicleDay;

/**
 * The main search: {@link StringRemovalSearch} (fewest routes first, then cheapest) for a share of the time left (the
 * plan's {@link SearchBudget}), then its best plan becomes the working plan, for OptaPlanner's local search to polish
 * in the rest. Without a budget
 * (a solver built by hand, with no deadline to share) it searches for {@code millisWithoutBudget} if configured (the
 * tuning harness does), else does nothing.
 */
public class RuinAndRecreatePhase implements CustomPhaseCommand<PickupPlan> {

    private static final Logger LOG = LoggerFactory.getLogger(RuinAndRecreatePhase.class);
    private static final String STOPS = "stops";
    /** How much hotter each further search side by side runs than the one before. */
    private static final double HOTTER = 3;
    /** Shorter than this is not worth building the search for. */
    private static final long MIN_NANOS = 5_000_000;

    /** Share of the time left that this phase takes; the local search has the rest. */
    private double timeShare = 0.9;
    /** How long to search when the plan carries no budget (the tuning harness); 0: not at all. */
    private long millisWithoutBudget;
    private double startTemperature = StringRemovalSearch.START_TEMPERATURE;
    private double endTemperature = StringRemovalSearch.END_TEMPERATURE;
    private long seed = 1;
    /**
     * Most of the time that a search may spend minimising the fleet before it minimises cost (it gives up sooner
     * when no route can go); 0: not at all.
     */
    private double fleetShare = 0.3;
    /**
     * How much hotter a quick answer ({@link SearchBudget#isQuickAnswer}) searches. Over eight generated one-hub days, 0.9-s answers at three times the
     * temperature came within 0.79–1.64% of the 60-s plans on average over six runs (0–2 days of eight above 3%),
     * against 1.46–1.83% (1–2 days above 3%) over four runs at the temperature of longer plans.
     */
    private double quickHeat = 3;

    // Setters for the solver configuration's customProperties.

    public void setTimeShare(double timeShare) {
        if (!(timeShare > 0 && timeShare <= 1)) {
            throw new IllegalArgumentException("timeShare must be in (0, 1]: " + timeShare);
        }
        this.timeShare = timeShare;
    }

    public void setMillisWithoutBudget(long millisWithoutBudget) {
        this.millisWithoutBudget = millisWithoutBudget;
    }

    public void setStartTemperature(double startTemperature) {
        this.startTemperature = startTemperature;
    }

    public void setEndTemperature(double endTemperature) {
        this.endTemperature = endTemperature;
    }

    public void setFleetShare(double fleetShare) {
        if (!(fleetShare >= 0 && fleetShare < 1)) {
            throw new IllegalArgumentException("fleetShare must be in [0, 1): " + fleetShare);
        }
        this.fleetShare = fleetShare;
    }

    public void setQuickHeat(double quickHeat) {
        if (!(quickHeat > 0)) {
            throw new IllegalArgumentException("quickHeat must be positive: " + quickHeat);
        }
        this.quickHeat = quickHeat;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<PickupPlan> director) {
        PickupPlan plan = director.getWorkingSolution();
        SearchBudget budget = plan.getSearchBudget();
        long now = System.nanoTime();
        if (budget == null) {
            if (millisWithoutBudget <= 0) {
                return;
            }
            budget = SearchBudget.until(now + Math.round(millisWithoutBudget * 1e6 / timeShare));
        }
        long end = now + (long) ((budget.deadlineNanos() - now) * timeShare);
        if (end - now < MIN_NANOS || budget.stopRequested().getAsBoolean()) {
            return;
        }
        StringRemovalSearch search = search(plan, budget, end);
        LOG.debug("ruin and recreate: {} steps in {} ms, best soft {} medium {}", search.iterations(),
                (System.nanoTime() - now) / 1_000_000, search.bestSoft(), search.bestMedium());
        apply(director, search);
    }

    /** Runs the budget's number of searches (different seeds, side by side) and returns the one that did best. */
    private StringRemovalSearch search(PickupPlan plan, SearchBudget budget, long end) {
        List<StringRemovalSearch> searches = new ArrayList<>();
        double base = budget.isQuickAnswer(System.nanoTime()) ? quickHeat : 1;
        for (int i = 0; i < budget.searches(); i++) {
            // each further search runs hotter: two different searches beat two alike (tuning round 4 found the
            // hotter schedule better on some instances, the shipped one on others)
            double heat = base * Math.pow(HOTTER, i);
            // the neighbour lists (a sort per stop) are the same for every search of this plan: computed once
            int[][] neighbours = searches.isEmpty() ? null : searches.get(0).neighbourLists();
            searches.add(new StringRemovalSearch(plan, seed + i, startTemperature * heat, endTemperature * heat,
                    neighbours));
        }
        List<Thread> helpers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long fleetEnd = System.nanoTime() + (long) ((end - System.nanoTime()) * fleetShare);
        for (StringRemovalSearch helper : searches.subList(1, searches.size())) {
            Thread thread = new Thread(() -> minimiseFleetThenSearch(helper, fleetEnd, end, budget),
                    "jiyun-ruin-and-recreate");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
            thread.start();
            helpers.add(thread);
        }
        minimiseFleetThenSearch(searches.get(0), fleetEnd, end, budget);
        for (Thread thread : helpers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the searches ran", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a ruin-and-recreate search failed", failure.get());
        }
        return searches.stream().min(StringRemovalSearch.BEST_FIRST).orElseThrow();
    }

    private void minimiseFleetThenSearch(StringRemovalSearch search, long fleetEnd, long end, SearchBudget budget) {
        if (fleetShare > 0) {
            search.minimiseFleet(fleetEnd, budget);
        }
        search.run(end, budget);
    }

    /** Makes the working plan the search's best: every changed list is announced as a whole, befores first. */
    private static void apply(ScoreDirector<PickupPlan> director, StringRemovalSearch search) {
        Map<VehicleDay, List<PickupStop>> targets = new IdentityHashMap<>();
        List<List<PickupStop>> routes = search.bestRoutes();
        for (int v = 0; v < routes.size(); v++) {
            targets.put(search.vehicleDays().get(v), routes.get(v));
        }
        targets.put(search.bucketRoute(), search.bestUnassigned());
        List<VehicleDay> changed = new ArrayList<>();
        for (Map.Entry<VehicleDay, List<PickupStop>> target : targets.entrySet()) {
            // stops compare by identity (PickupStop keeps Object.equals)
            if (!target.getKey().getStops().equals(target.getValue())) {
                changed.add(target.getKey());
            }
        }
        for (VehicleDay route : changed) {
            director.beforeListVariableChanged(route, STOPS, 0, route.getStops().size());
        }
        for (VehicleDay route : changed) {
            route.getStops().clear();
            route.getStops().addAll(targets.get(route));
        }
        for (VehicleDay route : changed) {
            director.afterListVariableChanged(route, STOPS, 0, route.getStops().size());
        }
        director.triggerVariableListeners();
    }
}
