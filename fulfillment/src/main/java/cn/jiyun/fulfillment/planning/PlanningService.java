package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.fleet.Vehicle;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.OrderStatusChanged;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.ParcelAwaitingPickup;
import cn.jiyun.fulfillment.orders.ParcelService;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.PlanningJob;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.dispatch.Dispatch;
import cn.jiyun.routing.dispatch.DispatchPolicy;
import cn.jiyun.routing.dispatch.ScenarioSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Plans pickups: starts the planner in the background, keeps the best plan so far visible while it
 * runs, stores the result, and approves plans. Orders that arrive or are cancelled while a plan is
 * being solved reach the running planner as problem changes.
 */
@Service
public class PlanningService {

    /** The shortest time limit a request may ask for (a quick answer asks for 0.9 s). */
    static final BigDecimal MIN_SECONDS = new BigDecimal("0.5");

    private static final Logger log = LoggerFactory.getLogger(PlanningService.class);

    /** A plan being solved, with what listeners (e.g. a browser) should hear of its progress. */
    record Running(Long cooperativeId, PlanningJob job, List<Consumer<PlanView>> watchers, Set<String> producerIds,
                   LocalDate firstDay) {
    }

    private final Plans plans;
    private final PlanRoutes routes;
    private final VehicleService vehicles;
    private final AppUsers users;
    private final OrderService orders;
    private final ParcelService parcels;
    private final ProblemBuilder problems;
    private final PlanResults results;
    private final PickupPlanner planner;
    private final PlanningProperties properties;
    private final DispatchSettingsService dispatchSettings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    PlanningService(Plans plans, PlanRoutes routes, VehicleService vehicles, AppUsers users, OrderService orders, ParcelService parcels,
                    ProblemBuilder problems, PlanResults results, PickupPlanner planner, PlanningProperties properties,
                    DispatchSettingsService dispatchSettings, PlatformTransactionManager transactions, Clock clock,
                    AuditTrail audit) {
        this.audit = audit;
        this.dispatchSettings = dispatchSettings;
        this.plans = plans;
        this.routes = routes;
        this.vehicles = vehicles;
        this.users = users;
        this.orders = orders;
        this.parcels = parcels;
        this.problems = problems;
        this.results = results;
        this.planner = planner;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * What a cooperative asks to plan. {@code firstDay} null: today, or tomorrow once the morning is over.
     * {@code pins}: stops a person fixed before planning.
     */
    public record PlanRequest(List<Long> hubIds, int days, BigDecimal seconds, LocalDate firstDay, List<Pin> pins,
                              String policy, Boolean courierRemainder) {
        public PlanRequest {
            pins = pins == null ? List.of() : List.copyOf(pins);
        }

        public PlanRequest(List<Long> hubIds, int days, BigDecimal seconds, LocalDate firstDay, List<Pin> pins) {
            this(hubIds, days, seconds, firstDay, pins, null, null);
        }

        public PlanRequest(List<Long> hubIds, int days, BigDecimal seconds, LocalDate firstDay) {
            this(hubIds, days, seconds, firstDay, List.of());
        }
    }

    /**
     * A stop a person fixed: the producer's parcels go on that vehicle on that day, at that place (0-based)
     * among the route's pinned stops, which come first. Without a vehicle, a day pin: that day, any route.
     */
    public record Pin(Long producerId, Long vehicleId, LocalDate day, int position) {
    }

    /** Starts planning in the background and returns the stored plan, SOLVING. */
    public Plan start(Long cooperativeId, PlanRequest request, String actor) {
        if (request.hubIds() == null || request.hubIds().isEmpty()) {
            throw new InvalidFieldException("hubIds", "name at least one hub to plan for");
        }
        if (request.days() < 1 || request.days() > PlanningProblem.MAX_DAYS) {
            throw new InvalidFieldException("days", "a plan covers 1 to " + PlanningProblem.MAX_DAYS + " days");
        }
        // fractions allowed: a quick answer asks for 0.9 s, to be back within the second
        BigDecimal seconds = request.seconds() == null ? BigDecimal.valueOf(properties.defaultSeconds())
                : request.seconds().setScale(3, RoundingMode.HALF_UP);
        if (seconds.compareTo(MIN_SECONDS) < 0 || seconds.compareTo(BigDecimal.valueOf(properties.maxSeconds())) > 0) {
            throw new InvalidFieldException("seconds", "solve for " + MIN_SECONDS + " to " + properties.maxSeconds()
                    + " seconds");
        }
        Duration limit = Duration.ofMillis(seconds.movePointRight(3).longValueExact());
        LocalDate firstDay = request.firstDay() != null ? request.firstDay() : defaultFirstDay();
        DispatchSettings settings = dispatchSettings.stored(cooperativeId);
        DispatchPolicy asked = request.policy() == null ? settings.policy()
                : DispatchSettingsService.policy(request.policy(), "policy");
        // Sampling futures takes seconds: a quick answer leaves the choice to the planner's holding price.
        DispatchPolicy policy = asked == DispatchPolicy.SCENARIO
                && limit.compareTo(Duration.ofSeconds(properties.scenarioMinSeconds())) < 0 ? DispatchPolicy.HOLDING
                : asked;
        boolean remainder = request.courierRemainder() != null ? request.courierRemainder()
                : settings.courierRemainder();
        ProblemBuilder.Built built = problems.build(cooperativeId, List.copyOf(request.hubIds()), firstDay,
                request.days(), request.pins(), settings, remainder);
        PlanningProblem problem = built.problem();
        Plan plan = tx.execute(status -> plans.save(new Plan(cooperativeId, request.hubIds(), firstDay,
                request.days(), seconds, problem.parcels().size(), actor, clock.instant(), policy, remainder)));
        Duration unimproved = Duration.ofSeconds(properties.unimprovedSeconds());
        Dispatch dispatch = new Dispatch(policy, built.history(), ScenarioSettings.DEFAULTS, plan.id());
        PlanningJob job = planner.start(problem, dispatch, limit,
                limit.compareTo(unimproved) < 0 ? limit : unimproved,
                progress -> notifyWatchers(plan.id(), progress.plan()));
        running.put(plan.id(), new Running(cooperativeId, job, new CopyOnWriteArrayList<>(),
                problem.producers().stream().map(cn.jiyun.routing.Producer::id).collect(Collectors.toSet()), firstDay));
        job.result().whenComplete((result, failure) -> finish(plan.id(), result, failure,
                failure == null ? collectingEverythingNow(problem, result, limit) : null));
        log.info("Planning {} parcels for hubs {} over {} day(s) from {} (plan {}, {} s, {} policy{})",
                problem.parcels().size(), request.hubIds(), request.days(), firstDay, plan.id(), seconds,
                policy.key(), policy != asked ? ", the scenario policy needs " + properties.scenarioMinSeconds()
                        + " s" : "");
        return plan;
    }

    private LocalDate defaultFirstDay() {
        ZonedDateTime now = clock.instant().atZone(ChinaTime.ZONE);
        return now.getHour() < 12 ? now.toLocalDate() : now.toLocalDate().plusDays(1);
    }

    /**
     * What collecting every parcel ready now would cost, for a plan that holds some: the same problem solved with
     * the greedy rule, on one thread, for a fifth of the plan's time (0.2 to 2 s). Null when nothing is held.
     */
    private cn.jiyun.routing.Plan collectingEverythingNow(PlanningProblem problem, cn.jiyun.routing.Plan result,
                                                          Duration limit) {
        if (result.held().isEmpty()) {
            return null;
        }
        long millis = Math.max(200, Math.min(2_000, limit.toMillis() / 5));
        try {
            return planner.solveOnOneThread(problem.with(problem.parcels(), problem.settings().withHolding(false)),
                    Duration.ofMillis(millis));
        } catch (RuntimeException e) {
            log.warn("Could not price collecting everything now", e);
            return null;
        }
    }

    private void finish(Long planId, cn.jiyun.routing.Plan result, Throwable failure,
                        cn.jiyun.routing.Plan everythingNow) {
        try {
            tx.executeWithoutResult(status -> {
                Plan plan = plans.findById(planId).orElseThrow();
                if (failure != null) {
                    plan.failed(String.valueOf(failure.getMessage()), clock.instant());
                    log.warn("Plan {} failed", planId, failure);
                } else {
                    results.store(plan, result, everythingNow, stillAwaitingPickup(result), clock.instant());
                    log.info("Plan {} done: {} routes, cost {} fen, score {}", planId, result.routes().size(),
                            result.costFen(), result.score());
                }
            });
        } finally {
            Running run = running.remove(planId);
            if (run != null) {
                run.watchers().forEach(w -> w.accept(null));
            }
        }
    }

    private Set<Long> stillAwaitingPickup(cn.jiyun.routing.Plan result) {
        List<Long> planned = result.routes().stream().flatMap(r -> r.stops().stream())
                .flatMap(s -> s.parcelIds().stream()).map(Long::valueOf).toList();
        return planned.isEmpty() ? Set.of() : Set.copyOf(parcels.stillAwaitingPickup(planned));
    }

    private void notifyWatchers(Long planId, cn.jiyun.routing.Plan best) {
        Running run = running.get(planId);
        if (run == null || run.watchers().isEmpty()) {
            return;
        }
        PlanView view = tx.execute(status -> plans.findById(planId).map(p -> results.view(p, best)).orElse(null));
        if (view != null) {
            run.watchers().forEach(w -> w.accept(view));
        }
    }

    /** Hears every improvement of a running plan, then {@code null} when solving ends. False if not running. */
    public boolean watch(Long cooperativeId, Long planId, Consumer<PlanView> watcher) {
        Running run = running.get(planId);
        if (run == null || !run.cooperativeId().equals(cooperativeId)) {
            return false;
        }
        run.watchers().add(watcher);
        return true;
    }

    public void unwatch(Long planId, Consumer<PlanView> watcher) {
        Running run = running.get(planId);
        if (run != null) {
            run.watchers().remove(watcher);
        }
    }

    /** The plan as it stands: the stored result, or the best so far while solving. */
    @Transactional(readOnly = true)
    public PlanView view(Long cooperativeId, Long planId) {
        Plan plan = get(cooperativeId, planId);
        if (plan.status() == PlanStatus.SOLVING) {
            Running run = running.get(planId);
            return results.view(plan, run == null ? null : run.job().bestPlan().orElse(null));
        }
        return results.view(plan, null);
    }

    @Transactional(readOnly = true)
    public Page<Plan> list(Long cooperativeId, Pageable pageable) {
        return plans.findByCooperativeId(cooperativeId, pageable);
    }

    Plan get(Long cooperativeId, Long planId) {
        return plans.findByIdAndCooperativeId(planId, cooperativeId)
                .orElseThrow(() -> new NotFoundException("plan", planId));
    }

    /** A stored route with its plan, for manifests; only routes of the cooperative's plans. */
    public record PlannedRoute(Plan plan, PlanView.RouteView route) {
    }

    @Transactional(readOnly = true)
    public PlannedRoute route(Long cooperativeId, Long routeId) {
        PlanRoute route = routes.findById(routeId)
                .filter(r -> r.plan().cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFoundException("route", routeId));
        return new PlannedRoute(route.plan(), results.routeView(route));
    }

    /**
     * The route, if the user may read it: a courier only an approved route assigned to them (any other
     * looks as if it did not exist), a cooperative admin every route of the cooperative, a seller none.
     * The manifests and the pickups confirmed on them both ask this.
     */
    @Transactional(readOnly = true)
    public PlannedRoute readableRoute(JiyunUser user, Long routeId) {
        if (user.is(Role.SELLER)) {
            throw new AccessDeniedException("sellers have no manifests");
        }
        PlannedRoute planned = route(user.cooperativeId(), routeId);
        if (user.is(Role.COURIER) && (!user.userId().equals(planned.route().courierUserId())
                || planned.plan().status() != PlanStatus.APPROVED)) {
            throw new NotFoundException("route", routeId);
        }
        return planned;
    }

    /** The routes of approved plans assigned to a courier, most recent day first. */
    @Transactional(readOnly = true)
    public List<PlannedRoute> routesOf(Long cooperativeId, Long courierUserId) {
        return routes.findByCourierUserIdOrderByDayDescIdAsc(courierUserId).stream()
                .filter(r -> r.plan().cooperativeId().equals(cooperativeId) && r.plan().status() == PlanStatus.APPROVED)
                .map(r -> new PlannedRoute(r.plan(), results.routeView(r))).toList();
    }

    /** Gives a route of an approved plan to a courier of the cooperative (or to nobody). */
    @Transactional
    public PlanView.RouteView assignCourier(Long cooperativeId, Long planId, Long routeId, Long courierUserId) {
        Plan plan = get(cooperativeId, planId);
        PlanRoute route = plan.routes().stream().filter(r -> r.id().equals(routeId)).findFirst()
                .orElseThrow(() -> new NotFoundException("route", routeId));
        users.requireRole(courierUserId, cooperativeId, Role.COURIER, "courierUserId");
        route.assignCourier(courierUserId);
        return results.routeView(route);
    }

    /** Ends solving early; the best plan found so far becomes the result. */
    public void stop(Long cooperativeId, Long planId) {
        Plan plan = tx.execute(status -> get(cooperativeId, planId));
        Running run = running.get(plan.id());
        if (run == null) {
            throw new ConflictException("plan " + planId + " is not solving (it is " + plan.status() + ")");
        }
        run.job().stop();
    }

    /** Approves a finished plan: its orders still awaiting pickup become PLANNED. Returns how many. */
    @Transactional
    public int approve(Long cooperativeId, Long planId, String actor) {
        Plan plan = get(cooperativeId, planId);
        if (plan.status() != PlanStatus.DONE) {
            throw new ConflictException("plan " + planId + " is " + plan.status() + "; only a DONE plan can be approved");
        }
        List<Long> parcelIds = new ArrayList<>();
        plan.routes().forEach(r -> results.stops(r).forEach(s -> parcelIds.addAll(s.parcelIds())));
        int planned = 0;
        for (Long orderId : parcelIds.isEmpty() ? List.<Long>of() : parcels.orderIdsOf(parcelIds)) {
            Order order = orders.byId(orderId);
            if (order.status() == OrderStatus.AWAITING_PICKUP) {
                order.moveTo(OrderStatus.PLANNED, clock.instant(), "plan " + planId + " approved", actor);
                planned++;
            }
        }
        plan.approved(clock.instant());
        for (PlanRoute route : plan.routes()) {
            vehicles.find(route.vehicleId()).map(Vehicle::driverUserId).ifPresent(route::assignCourier);
        }
        audit.record(cooperativeId, AuditKind.PLAN_APPROVED, "plan " + planId, plan.routes().size() + " routes, "
                + planned + " orders planned");
        return planned;
    }

    /**
     * Orders that arrive or leave while a plan is solving reach its planner as problem changes: a new
     * order's parcels join (when the plan serves their producer), and the parcels of an order that is
     * cancelled, withdrawn or planned elsewhere leave. Stops already pinned stay where they are. The
     * store keeps the last word: a parcel whose order left AWAITING_PICKUP is dropped when the plan is stored.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void applyToRunningPlans(OrderStatusChanged change) {
        boolean arrives = change.to() == OrderStatus.AWAITING_PICKUP;
        boolean leaves = change.from() == OrderStatus.AWAITING_PICKUP;
        List<Running> affected = running.values().stream()
                .filter(run -> run.cooperativeId().equals(change.cooperativeId())).toList();
        if (affected.isEmpty() || arrives == leaves) {
            return;
        }
        List<ParcelAwaitingPickup> ofOrder = tx.execute(status -> parcels.ofOrder(change.orderId()));
        for (Running run : affected) {
            if (arrives) {
                List<cn.jiyun.routing.Parcel> added = ofOrder.stream()
                        .filter(p -> run.producerIds().contains(p.producerId().toString()))
                        .map(p -> ProblemBuilder.parcel(p, run.firstDay())).toList();
                if (!added.isEmpty() && run.job().addParcels(added)) {
                    log.info("Order {} arrived while planning: {} parcel(s) added", change.orderId(), added.size());
                }
            } else if (run.job().cancelParcels(ofOrder.stream().map(p -> p.parcelId().toString()).toList())) {
                log.info("Order {} left AWAITING_PICKUP while planning: its parcels taken out", change.orderId());
            }
        }
    }

    /** Plans that were solving when the service stopped cannot be resumed: say so. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedPlans() {
        tx.executeWithoutResult(status -> plans.findByStatus(PlanStatus.SOLVING).stream()
                .filter(p -> !running.containsKey(p.id()))
                .forEach(p -> p.failed("interrupted by a restart of the service; plan again", clock.instant())));
    }

    static String json(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
