package cn.jiyun.routing.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiyun.routing.Hub;
import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.PlanningSettings;
import cn.jiyun.routing.Producer;
import cn.jiyun.routing.Route;
import cn.jiyun.routing.RouteStop;
import cn.jiyun.routing.UnassignedParcel;
import cn.jiyun.routing.dispatch.DemandHistory;
import cn.jiyun.routing.dispatch.DispatchDecision;
import cn.jiyun.routing.dispatch.DispatchPolicy;
import cn.jiyun.routing.dispatch.Dispatcher;
import cn.jiyun.routing.dispatch.ScenarioSettings;
import cn.jiyun.routing.travel.GreatCircleMatrixSource;
import cn.jiyun.routing.travel.TravelMatrixSource;

/**
 * Replays a season of orders day by day, as a cooperative would live it: each evening, for each hub, it plans the
 * next day with the real planner under one dispatch policy, collects what the plan collects and carries what it
 * holds (or could not fit) over to the next evening. A parcel still uncollected after its last collection day is
 * late: it is counted, and handed to the courier at the per-parcel fee. Once the orders stop, it goes on planning
 * until every parcel is collected, so that a policy pays for what it held at the end. Every plan is checked by
 * {@link PlanCheck}.
 */
public final class SeasonSimulator {

    /** Days of orders before the season that the scenario policy may sample from on its first evening. */
    static final int HISTORY_DAYS = 14;
    private static final int MAX_DRAIN_DAYS = 5;

    private final PlanningProblem cooperative;
    private final SeasonDemand demand;
    private final LocalDate firstDay;
    private final int days;
    private final Duration perDay;
    private final ScenarioSettings scenarios;
    private final PickupPlanner planner;
    private final TravelMatrixSource matrices;
    private final Map<String, String> hubOfProducer = new HashMap<>();

    /** One day of one policy: cost of the vans, parcels collected, km, vehicle-days. */
    public record Day(LocalDate day, long costFen, int parcels, double km, int vehicleDays) {
        public double costPerParcelYuan() {
            return parcels == 0 ? 0 : costFen / 100.0 / parcels;
        }
    }

    /** A policy's season. */
    public record Result(DispatchPolicy policy, long costFen, double km, int vehicleDays, int parcelsCollected,
            int lateParcels, long lateFeeFen, double meanWaitDays, int maxWaitDays, int planViolations,
            long courierBaselineFen, List<Day> daily, double secondsPerHubDay, double maxSecondsPerHubDay) {

        public double costPerParcelYuan() {
            return parcelsCollected == 0 ? 0 : costFen / 100.0 / parcelsCollected;
        }
    }

    /**
     * @param cooperative the hubs, vehicles and producers (its parcels are ignored) with the settings to plan with
     */
    public SeasonSimulator(PlanningProblem cooperative, SeasonDemand demand, LocalDate firstDay, int days,
            Duration perDay, ScenarioSettings scenarios, PickupPlanner planner) {
        this.cooperative = cooperative;
        this.demand = demand;
        this.firstDay = firstDay;
        this.days = days;
        this.perDay = perDay;
        this.scenarios = scenarios;
        this.planner = planner;
        this.matrices = new GreatCircleMatrixSource();
        for (Producer producer : cooperative.producers()) {
            Hub nearest = cooperative.hubs().get(0);
            for (Hub hub : cooperative.hubs()) {
                if (GreatCircleMatrixSource.greatCircleMetres(hub.location(), producer.location())
                        < GreatCircleMatrixSource.greatCircleMetres(nearest.location(), producer.location())) {
                    nearest = hub;
                }
            }
            hubOfProducer.put(producer.id(), nearest.id());
        }
    }

    public Result run(DispatchPolicy policy, long seed) {
        return run(policy, scenarios, seed);
    }

    /** As {@link #run(DispatchPolicy, long)}, with other settings for the sample-scenario policy. */
    public Result run(DispatchPolicy policy, ScenarioSettings scenarios, long seed) {
        return run(policy, scenarios, seed, false);
    }

    /**
     * As above; with {@code perfectInformation} the sample-scenario policy's futures are not sampled but the orders
     * that will in fact become ready on the next {@code lookaheadDays} days (one future is then enough): the bound
     * on what deciding by futures can save with this planner, since no sample knows tomorrow better.
     */
    public Result run(DispatchPolicy policy, ScenarioSettings scenarios, long seed, boolean perfectInformation) {
        Dispatcher dispatcher = new Dispatcher(planner);
        Map<String, List<Parcel>> pending = new HashMap<>();
        cooperative.hubs().forEach(hub -> pending.put(hub.id(), new ArrayList<>()));
        List<Day> daily = new ArrayList<>();
        long cost = 0;
        double km = 0;
        int vehicleDays = 0;
        int collected = 0;
        int late = 0;
        long lateFee = 0;
        long waitDays = 0;
        int maxWait = 0;
        int violations = 0;
        long courierBaseline = 0;
        long solvingNanos = 0;
        long slowestNanos = 0;
        int hubDays = 0;
        PlanningSettings settings = cooperative.settings();
        for (int d = 0; d < days + MAX_DRAIN_DAYS; d++) {
            LocalDate day = firstDay.plusDays(d);
            if (d < days) {
                for (Parcel parcel : demand.readyOn(day)) {
                    pending.get(hubOfProducer.get(parcel.producerId())).add(parcel);
                }
            } else if (pending.values().stream().allMatch(List::isEmpty)) {
                break;
            }
            long dayCost = 0;
            int dayParcels = 0;
            double dayKm = 0;
            int dayVehicles = 0;
            for (Hub hub : cooperative.hubs()) {
                List<Parcel> waiting = pending.get(hub.id());
                if (waiting.isEmpty()) {
                    continue;
                }
                PlanningProblem problem = new PlanningProblem(day, 1, List.of(hub),
                        cooperative.vehicles().stream().filter(v -> v.homeHubId().equals(hub.id())).toList(),
                        cooperative.producers().stream()
                                .filter(p -> hubOfProducer.get(p.id()).equals(hub.id())).toList(),
                        waiting, List.of(), settings);
                long started = System.nanoTime();
                DispatchDecision decision = dispatcher.decide(problem, policy, perfectInformation
                        ? coming(day, d, scenarios.lookaheadDays(), hub.id()) : history(day, hub.id()), scenarios,
                        seed * 1_000 + d);
                Plan plan = dispatcher.solve(decision, perDay);
                long spent = System.nanoTime() - started;
                solvingNanos += spent;
                slowestNanos = Math.max(slowestNanos, spent);
                hubDays++;
                List<String> problems = PlanCheck.violations(problem, plan, matrices);
                problems.stream().limit(5).forEach(v -> System.err.println(policy.key() + " " + day + ": " + v));
                violations += problems.size();

                Set<String> done = new HashSet<>();
                Map<String, Parcel> byId = new HashMap<>();
                waiting.forEach(parcel -> byId.put(parcel.id(), parcel));
                for (Route route : plan.routes()) {
                    for (RouteStop stop : route.stops()) {
                        for (String id : stop.parcelIds()) {
                            Parcel parcel = byId.get(id);
                            done.add(id);
                            int wait = (int) ChronoUnit.DAYS.between(parcel.readyDay(), day);
                            waitDays += wait;
                            maxWait = Math.max(maxWait, wait);
                            courierBaseline += settings.pickupFeeFen(parcel.chilled());
                        }
                    }
                }
                // whatever is left that could not wait another day is late: the courier takes it, at its fee
                for (UnassignedParcel left : plan.unassigned()) {
                    Parcel parcel = byId.get(left.parcelId());
                    LocalDate last = problem.lastCollectionDay(parcel);
                    if (last == null || !last.isAfter(day)) {
                        System.err.println(policy.key() + " " + day + ": late " + parcel.id() + " (" + left.reason()
                                + ": " + left.detail() + ")");
                        done.add(parcel.id());
                        late++;
                        lateFee += settings.pickupFeeFen(parcel.chilled());
                    }
                }
                waiting.removeIf(parcel -> done.contains(parcel.id()));
                collected += plan.parcelCount();
                dayParcels += plan.parcelCount();
                dayCost += plan.costFen();
                dayKm += plan.km();
                dayVehicles += plan.routes().size();
            }
            cost += dayCost;
            km += dayKm;
            vehicleDays += dayVehicles;
            daily.add(new Day(day, dayCost, dayParcels, dayKm, dayVehicles));
        }
        int left = pending.values().stream().mapToInt(List::size).sum();
        if (left > 0) {
            throw new IllegalStateException(policy.key() + " still holds " + left + " parcels after the season");
        }
        return new Result(policy, cost, km, vehicleDays, collected, late, lateFee,
                collected == 0 ? 0 : (double) waitDays / collected, maxWait, violations, courierBaseline,
                List.copyOf(daily), hubDays == 0 ? 0 : solvingNanos / 1e9 / hubDays, slowestNanos / 1e9);
    }

    /** The orders that will become ready at the hub's producers on the days after {@code day}, in the season. */
    private DemandHistory coming(LocalDate day, int d, int lookahead, String hubId) {
        List<DemandHistory.Day> next = new ArrayList<>();
        for (int ahead = 1; ahead <= lookahead; ahead++) {
            LocalDate date = day.plusDays(ahead);
            next.add(new DemandHistory.Day(date, d + ahead >= days ? List.of() : demand.readyOn(date).stream()
                    .filter(parcel -> hubOfProducer.get(parcel.producerId()).equals(hubId)).toList()));
        }
        return new DemandHistory(next);
    }

    /** The hub's orders of the last {@link #HISTORY_DAYS} days before {@code day}, as the service would read them. */
    private DemandHistory history(LocalDate day, String hubId) {
        List<DemandHistory.Day> past = new ArrayList<>();
        for (int back = HISTORY_DAYS; back >= 1; back--) {
            LocalDate date = day.minusDays(back);
            past.add(new DemandHistory.Day(date, demand.readyOn(date).stream()
                    .filter(parcel -> hubOfProducer.get(parcel.producerId()).equals(hubId)).toList()));
        }
        return new DemandHistory(past);
    }
}
