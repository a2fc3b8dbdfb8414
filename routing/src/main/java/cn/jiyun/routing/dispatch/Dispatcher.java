package cn.jiyun.routing.dispatch;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import cn.jiyun.routing.HeldParcel;
import cn.jiyun.routing.Hub;
import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.Producer;
import cn.jiyun.routing.Route;
import cn.jiyun.routing.RouteStop;
import cn.jiyun.routing.Vehicle;
import cn.jiyun.routing.travel.TravelMatrix;

/**
 * Applies a {@link DispatchPolicy} to a problem before it is solved. The sample-scenario policy works as iterative
 * conditional dispatch does: each round samples {@code scenarios} futures (the plan's parcels plus the orders of
 * {@code lookaheadDays} days drawn from the {@link DemandHistory}), solves each with the same planner over the
 * longer horizon, and counts how many collect each optional parcel inside the plan's own horizon. A parcel most
 * futures collect now is dispatched (it must go in the next rounds' futures), one most hold is postponed (ready only
 * after the horizon in them); the rest are sampled again. After the last round a parcel is collected now when at
 * least half of that round's futures did; the others are postponed. The plan is then solved with the postponed
 * parcels held and every other optional parcel left to the planner's holding price.
 */
public final class Dispatcher {

    private final PickupPlanner planner;

    public Dispatcher(PickupPlanner planner) {
        this.planner = planner;
    }

    public DispatchDecision decide(PlanningProblem problem, DispatchPolicy policy, DemandHistory history,
            ScenarioSettings settings, long seed) {
        return decide(problem, policy, history, settings, seed, () -> false);
    }

    /**
     * As above; once {@code stop} says so, the sample-scenario policy samples no more futures (those being solved
     * end within their time) and decides on what it has: a parcel no finished future has spoken for is collected.
     */
    public DispatchDecision decide(PlanningProblem problem, DispatchPolicy policy, DemandHistory history,
            ScenarioSettings settings, long seed, java.util.function.BooleanSupplier stop) {
        List<Parcel> optional = problem.parcels().stream().filter(problem::isOptional).toList();
        switch (policy) {
            case GREEDY:
                return new DispatchDecision(policy, problem.with(problem.parcels(),
                        problem.settings().withHolding(false)), List.of(), Map.of(), 0);
            case HOLDING:
                return new DispatchDecision(policy, problem.with(problem.parcels(),
                        problem.settings().withHolding(true)), List.of(), Map.of(), 0);
            case LAZY:
                return holding(policy, problem, optional, parcel -> "lazy policy: collected on its last day, "
                        + problem.lastCollectionDay(parcel), Map.of(), 0);
            case SCENARIO:
                return scenarios(problem, optional, history, settings, seed, stop);
            default:
                throw new IllegalArgumentException(policy.toString());
        }
    }

    /** Solves {@code problem} and lists the parcels the decision held first among the plan's held parcels. */
    public Plan solve(DispatchDecision decision, java.time.Duration limit) {
        return planner.solve(decision, limit);
    }

    private DispatchDecision scenarios(PlanningProblem problem, List<Parcel> optional, DemandHistory history,
            ScenarioSettings settings, long seed, java.util.function.BooleanSupplier stop) {
        int scenarioDays = Math.min(PlanningProblem.MAX_DAYS, problem.days() + settings.lookaheadDays());
        if (optional.isEmpty() || scenarioDays == problem.days()) {
            // Nothing to decide, or no room after a three-day horizon to look ahead: the planner's price decides.
            DispatchDecision byPrice = decide(problem, DispatchPolicy.HOLDING, history, settings, seed);
            return new DispatchDecision(DispatchPolicy.SCENARIO, byPrice.problem(), List.of(), Map.of(), 0);
        }
        Set<String> dispatched = new HashSet<>();
        Set<String> postponed = new HashSet<>();
        Map<String, Double> share = new HashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> producers = problem.producers().stream().map(Producer::id).collect(Collectors.toSet());
        int solved = 0;
        boolean priceLaterVisits = settings.holdPricing() == ScenarioSettings.HoldPricing.LATER_VISIT;
        TravelMatrix matrix = priceLaterVisits ? planner.matrix(problem) : null;
        Map<String, Boolean> pricedProducers = new HashMap<>();
        optional.forEach(parcel -> pricedProducers.merge(parcel.producerId(), parcel.chilled(), Boolean::logicalOr));
        Set<String> realParcels = problem.parcels().stream().map(Parcel::id).collect(Collectors.toSet());
        Map<String, Long> laterVisitSum = new HashMap<>();
        int priced = 0;
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "jiyun-scenario");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int round = 0; round < settings.iterations(); round++) {
                List<Parcel> undecided = optional.stream()
                        .filter(p -> !dispatched.contains(p.id()) && !postponed.contains(p.id())).toList();
                if (undecided.isEmpty()) {
                    break;
                }
                if (stop.getAsBoolean()) {
                    break;
                }
                List<Future<Plan>> futures = new ArrayList<>();
                for (int k = 0; k < settings.scenarios(); k++) {
                    PlanningProblem future = future(problem, scenarioDays, dispatched, postponed, history,
                            random.split(), "s" + round + "." + k + ":", producers);
                    futures.add(pool.submit(() -> stop.getAsBoolean() ? null
                            : planner.solveOnOneThread(future, settings.perScenario())));
                }
                Map<String, Integer> collected = new HashMap<>();
                int finished = 0;
                for (Future<Plan> future : futures) {
                    Plan plan = future.get();
                    if (plan == null) {
                        continue;
                    }
                    collectedInHorizon(problem, plan).forEach(id -> collected.merge(id, 1, Integer::sum));
                    if (priceLaterVisits) {
                        laterVisitFen(problem, matrix, plan, pricedProducers, realParcels)
                                .forEach((producer, fen) -> laterVisitSum.merge(producer, fen, Long::sum));
                        priced++;
                    }
                    finished++;
                    solved++;
                }
                boolean last = round == settings.iterations() - 1 || stop.getAsBoolean();
                for (Parcel parcel : undecided) {
                    double now = finished == 0 ? 1 : collected.getOrDefault(parcel.id(), 0) / (double) finished;
                    share.put(parcel.id(), now);
                    if (now >= settings.dispatchThreshold()) {
                        dispatched.add(parcel.id());
                    } else if (1 - now > settings.postponeThreshold()) {
                        postponed.add(parcel.id());
                    } else if (last && now < 0.5) {
                        postponed.add(parcel.id());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving sample scenarios", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sample scenario failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Parcel> held = optional.stream().filter(p -> postponed.contains(p.id())).toList();
        DispatchDecision decision = holding(DispatchPolicy.SCENARIO, problem, held, parcel -> String.format(
                java.util.Locale.ROOT, "scenario policy: %.0f%% of the sampled futures collect it later, with "
                        + "tomorrow's parcels; it can wait until %s",
                100 * (1 - share.getOrDefault(parcel.id(), 0.0)), problem.lastCollectionDay(parcel)), share, solved);
        // What the futures postpone is held; every other optional parcel is left to the planner's holding price, as
        // the holding policy leaves it. Forcing the ones the futures dispatch to go now did no better in a
        // 14-day, 100-producer season (5.62 and 5.79 yuan a parcel against 5.54, holding alone 5.57).
        Map<String, Long> laterVisit = new HashMap<>();
        if (priced > 0) {
            long futuresPriced = priced;
            laterVisitSum.forEach((producer, fen) -> laterVisit.put(producer, Math.round(fen / (double) futuresPriced)));
        }
        return new DispatchDecision(DispatchPolicy.SCENARIO, decision.problem().with(decision.problem().parcels(),
                problem.settings().withHolding(true)), decision.held(), share, solved, laterVisit);
    }

    /**
     * What one solved future says fetching each of {@code producers} (id → whether a reefer is needed) after the
     * real plan's horizon costs, in fen: nothing where a route after the horizon visits the producer for parcels the
     * future sampled (it is visited anyway), else the cheapest insertion of the producer, by distance, time and its
     * service, into a route after the horizon that may carry its parcels, with its own visit (if any) taken out; a
     * round trip from its hub by the cheapest such vehicle when there is no such route. Windows and capacity are not
     * checked: it is an estimate of the detour, not a plan. {@code matrix} has the problem's hubs first, then its
     * producers.
     */
    static Map<String, Long> laterVisitFen(PlanningProblem problem, TravelMatrix matrix, Plan future,
            Map<String, Boolean> producers, Set<String> realParcels) {
        Map<String, Integer> location = new HashMap<>();
        Map<String, Integer> hubLocation = new HashMap<>();
        for (int h = 0; h < problem.hubs().size(); h++) {
            hubLocation.put(problem.hubs().get(h).id(), h);
        }
        Map<String, Producer> producerById = new HashMap<>();
        for (int p = 0; p < problem.producers().size(); p++) {
            Producer producer = problem.producers().get(p);
            location.put(producer.id(), problem.hubs().size() + p);
            producerById.put(producer.id(), producer);
        }
        Map<String, Vehicle> vehicles = new HashMap<>();
        problem.vehicles().forEach(vehicle -> vehicles.put(vehicle.id(), vehicle));
        List<Route> later = future.routes().stream().filter(route -> route.day().isAfter(problem.lastDay())).toList();
        Set<String> visitedAnyway = new HashSet<>();
        for (Route route : later) {
            for (RouteStop stop : route.stops()) {
                if (stop.parcelIds().stream().anyMatch(id -> !realParcels.contains(id))) {
                    visitedAnyway.add(stop.producerId());
                }
            }
        }
        Map<String, Long> fen = new HashMap<>();
        for (Map.Entry<String, Boolean> entry : producers.entrySet()) {
            String producerId = entry.getKey();
            Integer at = location.get(producerId);
            if (at == null) {
                continue;
            }
            if (visitedAnyway.contains(producerId)) {
                fen.put(producerId, 0L);
                continue;
            }
            long service = producerById.get(producerId).serviceTime().toSeconds();
            double best = Double.MAX_VALUE;
            for (Route route : later) {
                Vehicle vehicle = vehicles.get(route.vehicleId());
                if (vehicle == null || (entry.getValue() && !vehicle.refrigerated())) {
                    continue;
                }
                int hub = hubLocation.get(vehicle.homeHubId());
                int previous = hub;
                for (int k = 0; k <= route.stops().size(); k++) {
                    int next;
                    if (k < route.stops().size()) {
                        String visited = route.stops().get(k).producerId();
                        if (visited.equals(producerId)) {
                            continue;
                        }
                        next = location.get(visited);
                    } else {
                        next = hub;
                    }
                    best = Math.min(best, detourFen(matrix, vehicle, previous, at, next, service));
                    previous = next;
                }
            }
            if (best == Double.MAX_VALUE) {
                for (Vehicle vehicle : problem.vehicles()) {
                    if (!entry.getValue() || vehicle.refrigerated()) {
                        int hub = hubLocation.get(vehicle.homeHubId());
                        best = Math.min(best, detourFen(matrix, vehicle, hub, at, hub, service));
                    }
                }
            }
            fen.put(producerId, best == Double.MAX_VALUE ? 0L : Math.max(0, Math.round(best)));
        }
        return fen;
    }

    /** Fen that visiting {@code at} between {@code from} and {@code to} adds to a route of {@code vehicle}. */
    private static double detourFen(TravelMatrix matrix, Vehicle vehicle, int from, int at, int to, long service) {
        long metres = matrix.distanceMetres(from, at) + matrix.distanceMetres(at, to) - matrix.distanceMetres(from, to);
        long seconds = matrix.durationSeconds(from, at) + matrix.durationSeconds(at, to)
                - matrix.durationSeconds(from, to) + service;
        return metres * vehicle.costPerKmFen() / 1000.0 + seconds * vehicle.costPerHourFen() / 3600.0;
    }

    /** The decision to hold {@code held} (out of the problem) and collect every other parcel in the horizon. */
    private static DispatchDecision holding(DispatchPolicy policy, PlanningProblem problem, List<Parcel> held,
            java.util.function.Function<Parcel, String> reason, Map<String, Double> share, int solved) {
        Set<String> heldIds = held.stream().map(Parcel::id).collect(Collectors.toSet());
        List<Parcel> now = problem.parcels().stream().filter(p -> !heldIds.contains(p.id())).toList();
        long perDay = problem.settings().holdingCostPerParcelDayFen();
        List<HeldParcel> heldParcels = held.stream().map(parcel -> new HeldParcel(parcel.id(), parcel.producerId(),
                problem.lastCollectionDay(parcel), reason.apply(parcel),
                perDay * Math.max(1, ChronoUnit.DAYS.between(parcel.readyDay(), problem.lastDay().plusDays(1)))))
                .toList();
        return new DispatchDecision(policy, problem.with(now, problem.settings().withHolding(false)), heldParcels,
                share, solved);
    }

    /**
     * One sampled future: the plan's parcels (dispatched ones due inside the horizon, postponed ones ready only after
     * it) and sampled orders for each day after the horizon, over {@code days} days; parcels whose deadlines reach
     * past those days may be held at their price.
     */
    private static PlanningProblem future(PlanningProblem problem, int days, Set<String> dispatched,
            Set<String> postponed, DemandHistory history, SplittableRandom random, String prefix,
            Set<String> producers) {
        LocalDate afterHorizon = problem.lastDay().plusDays(1);
        ZonedDateTime dueInHorizon = problem.lastDay().atTime(latestCutoff(problem)).atZone(PlanningProblem.ZONE);
        List<Parcel> parcels = new ArrayList<>();
        for (Parcel parcel : problem.parcels()) {
            if (dispatched.contains(parcel.id())) {
                parcels.add(parcel.withShipBy(dueInHorizon.toInstant()));
            } else if (postponed.contains(parcel.id())) {
                parcels.add(parcel.withReadyDay(afterHorizon));
            } else {
                parcels.add(parcel);
            }
        }
        for (int day = problem.days(); day < days; day++) {
            LocalDate date = problem.firstDay().plusDays(day);
            parcels.addAll(history.sample(random, date, prefix + day + ":", producers));
        }
        return new PlanningProblem(problem.firstDay(), days, problem.hubs(), problem.vehicles(), problem.producers(),
                parcels, problem.pinnedStops(), problem.settings().withHolding(true).withCourierRemainder(false));
    }

    private static java.time.LocalTime latestCutoff(PlanningProblem problem) {
        return problem.hubs().stream().map(Hub::trunkCutoff).max(java.time.LocalTime::compareTo).orElseThrow();
    }

    /** The parcels a future's plan collects inside the real plan's horizon. */
    private static Set<String> collectedInHorizon(PlanningProblem problem, Plan plan) {
        Set<String> ids = new HashSet<>();
        for (Route route : plan.routes()) {
            if (!route.day().isAfter(problem.lastDay())) {
                for (RouteStop stop : route.stops()) {
                    ids.addAll(stop.parcelIds());
                }
            }
        }
        return ids;
    }
}
