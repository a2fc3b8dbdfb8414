package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.fleet.Vehicle;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.orders.Parcel;
import cn.jiyun.fulfillment.orders.ParcelService;
import cn.jiyun.fulfillment.planning.PlanView.Figures;
import cn.jiyun.fulfillment.planning.PlanView.HeldView;
import cn.jiyun.fulfillment.planning.PlanView.ParcelRef;
import cn.jiyun.fulfillment.planning.PlanView.ProducerRef;
import cn.jiyun.fulfillment.planning.PlanView.RouteView;
import cn.jiyun.fulfillment.planning.PlanView.Savings;
import cn.jiyun.fulfillment.planning.PlanView.StopView;
import cn.jiyun.fulfillment.planning.PlanView.UnassignedView;
import cn.jiyun.fulfillment.planning.PlanView.VehicleRef;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.routing.Route;
import cn.jiyun.routing.RouteStop;
import cn.jiyun.routing.SavingsReport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the planner's answer into stored routes, and stored or running plans into what the API shows. */
@Component
class PlanResults {

    /** What is stored of a plan beside its routes. */
    record Summary(Savings savings, List<HeldView> held) {
        Summary {
            held = held == null ? List.of() : held;
        }
    }

    private final ObjectMapper json;
    private final VehicleService vehicles;
    private final ProducerService producers;
    private final ParcelService parcels;
    private final PlanningProperties properties;

    PlanResults(ObjectMapper json, VehicleService vehicles, ProducerService producers, ParcelService parcels,
                PlanningProperties properties) {
        this.properties = properties;
        this.json = json;
        this.vehicles = vehicles;
        this.producers = producers;
        this.parcels = parcels;
    }

    /** Stores the planner's result, keeping only parcels still awaiting pickup (others left while it solved). */
    void store(Plan plan, cn.jiyun.routing.Plan result, cn.jiyun.routing.Plan everythingNow, Set<Long> stillAwaiting,
               Instant now) {
        List<PlanRoute> routes = new ArrayList<>();
        for (Route r : result.routes()) {
            List<PlanStop> stops = stopsOf(r).stream()
                    .map(s -> new PlanStop(s.producerId(), s.arrival(), s.serviceStart(),
                            s.parcelIds().stream().filter(stillAwaiting::contains).toList(), s.loadGramsAfter(),
                            s.loadMillilitresAfter(), s.pinned()))
                    .filter(s -> !s.parcelIds().isEmpty())
                    .toList();
            if (!stops.isEmpty()) {
                routes.add(new PlanRoute(Long.valueOf(r.vehicleId()), Long.valueOf(r.hubId()), r.day(),
                        r.departure().toInstant(), r.returnToHub().toInstant(), r.metres(), r.costFen(),
                        write(stops)));
            }
        }
        plan.solved(result.score(), result.feasible(), result.costFen(),
                result.savings().perParcelPickup().costFen(),
                write(new Summary(savings(result.savings(), everythingNow), held(result))),
                write(unassigned(result)), routes, now);
    }

    List<PlanStop> stops(PlanRoute route) {
        return read(route.stopsJson(), new TypeReference<>() {
        });
    }

    /** The stored plan, or, while it is solving, the best plan so far ({@code null}: none yet). */
    PlanView view(Plan plan, cn.jiyun.routing.Plan best) {
        List<RouteView> routes;
        List<UnassignedView> unassigned;
        List<HeldView> held;
        Savings savings;
        String score = plan.score();
        Boolean feasible = plan.feasible();
        Long cost = plan.costFen();
        Long baseline = plan.baselineCostFen();
        if (plan.status() == PlanStatus.SOLVING) {
            if (best == null) {
                routes = List.of();
                unassigned = List.of();
                held = List.of();
                savings = null;
            } else {
                routes = routeViews(best.routes().stream().filter(r -> !r.stops().isEmpty())
                        .map(r -> new StoredShape(null, Long.valueOf(r.vehicleId()), Long.valueOf(r.hubId()), r.day(),
                                r.departure().toInstant(), r.returnToHub().toInstant(), r.metres(), r.costFen(),
                                null, stopsOf(r))).toList());
                unassigned = unassigned(best);
                held = held(best);
                savings = savings(best.savings(), null);
                score = best.score();
                feasible = best.feasible();
                cost = best.costFen();
                baseline = best.savings().perParcelPickup().costFen();
            }
        } else {
            routes = routeViews(plan.routes().stream()
                    .map(r -> new StoredShape(r.id(), r.vehicleId(), r.hubId(), r.day(), r.departure(), r.returnAt(),
                            r.metres(), r.costFen(), r.courierUserId(), stops(r))).toList());
            unassigned = plan.unassignedJson() == null ? List.of()
                    : read(plan.unassignedJson(), new TypeReference<List<UnassignedView>>() {
                    });
            Summary summary = plan.summaryJson() == null ? null : read(plan.summaryJson(), Summary.class);
            savings = summary == null ? null : summary.savings();
            held = summary == null ? List.of() : summary.held();
        }
        return new PlanView(plan.id(), plan.status(), plan.hubIds(), plan.firstDay(), plan.days(),
                plan.seconds().doubleValue(), plan.policy().key(), plan.courierRemainder(), score, feasible, cost,
                cost == null ? null : cost / 100.0, baseline, plan.parcelCount(), routes, unassigned, held, savings,
                plan.failure(), plan.createdAt(), plan.solvedAt(), plan.approvedAt());
    }

    /** A route as stored, or as the running planner has it. */
    private record StoredShape(Long id, Long vehicleId, Long hubId, java.time.LocalDate day, Instant departure,
                               Instant returnAt, long metres, long costFen, Long courierUserId, List<PlanStop> stops) {
    }

    /** One stored route as the API shows it. */
    RouteView routeView(PlanRoute r) {
        return routeViews(List.of(new StoredShape(r.id(), r.vehicleId(), r.hubId(), r.day(), r.departure(),
                r.returnAt(), r.metres(), r.costFen(), r.courierUserId(), stops(r)))).get(0);
    }

    private List<RouteView> routeViews(List<StoredShape> shapes) {
        Set<Long> parcelIds = new HashSet<>();
        Set<Long> producerIds = new HashSet<>();
        shapes.forEach(s -> s.stops().forEach(stop -> {
            parcelIds.addAll(stop.parcelIds());
            producerIds.add(stop.producerId());
        }));
        Map<Long, Parcel> parcelsById = byId(parcels.byIds(parcelIds), Parcel::id);
        Map<Long, Producer> producersById = byId(producers.byIds(producerIds), Producer::id);
        Map<Long, Vehicle> vehiclesById = byId(vehicles.byIds(
                shapes.stream().map(StoredShape::vehicleId).collect(Collectors.toSet())), Vehicle::id);
        return shapes.stream().map(s -> {
            Vehicle v = vehiclesById.get(s.vehicleId());
            List<StopView> stops = s.stops().stream().map(stop -> {
                Producer p = producersById.get(stop.producerId());
                List<ParcelRef> refs = stop.parcelIds().stream().map(parcelsById::get)
                        .filter(java.util.Objects::nonNull)
                        .map(parcel -> new ParcelRef(parcel.id(), parcel.code(), parcel.orderId(),
                                parcel.weightGrams(), parcel.chilled()))
                        .toList();
                return new StopView(p == null ? null : new ProducerRef(p.id(), p.name(), p.phone(), p.address(),
                        Position.of(p.location())), stop.arrival(), stop.serviceStart(), refs, stop.loadGramsAfter(),
                        stop.pinned());
            }).toList();
            int parcelCount = s.stops().stream().mapToInt(st -> st.parcelIds().size()).sum();
            long load = s.stops().isEmpty() ? 0 : s.stops().get(s.stops().size() - 1).loadGramsAfter();
            return new RouteView(s.id(), v == null ? null : new VehicleRef(v.id(), v.name(), v.plate(), v.capacityKg(),
                    v.refrigerated()), s.hubId(), s.day(), s.departure(), s.returnAt(), round(s.metres() / 1000.0),
                    s.costFen(), s.costFen() / 100.0, parcelCount, load, s.courierUserId(), stops);
        }).toList();
    }

    private static List<PlanStop> stopsOf(Route route) {
        return route.stops().stream().map(PlanResults::stop).toList();
    }

    private static PlanStop stop(RouteStop s) {
        return new PlanStop(Long.parseLong(s.producerId()), s.arrival().toInstant(), s.serviceStart().toInstant(),
                s.parcelIds().stream().map(Long::valueOf).toList(), s.loadGramsAfter(), s.loadMillilitresAfter(),
                s.pinned());
    }

    private static List<UnassignedView> unassigned(cn.jiyun.routing.Plan plan) {
        return plan.unassigned().stream().map(u -> new UnassignedView(Long.valueOf(u.parcelId()),
                Long.valueOf(u.producerId()), u.reason().name(), u.detail())).toList();
    }

    private static List<HeldView> held(cn.jiyun.routing.Plan plan) {
        return plan.held().stream().map(h -> new HeldView(Long.valueOf(h.parcelId()), Long.valueOf(h.producerId()),
                h.lastDay(), h.reason(), h.holdingCostFen())).toList();
    }

    /** The savings table; {@code everythingNow} is the greedy plan of the same parcels, when this one holds some. */
    Savings savings(SavingsReport report, cn.jiyun.routing.Plan everythingNow) {
        Figures now = everythingNow == null ? null : figures(everythingNow.savings().plan());
        Figures plan = figures(report.plan());
        return new Savings(plan, figures(report.perParcelPickup()), figures(report.ownTrips()),
                round(report.percentSavedVersusPerParcelPickup()), round(report.percentSavedVersusOwnTrips()),
                properties.ruralPickupFeeFen(), properties.chilledPickupFeeFen(), now,
                now == null || now.parcels() == 0 ? null : round(now.costPerParcelYuan() - plan.costPerParcelYuan()));
    }

    private static Figures figures(SavingsReport.Figures f) {
        return new Figures(f.name(), round(f.km()), f.vehicles(), f.costFen(), round(f.costYuan()), f.parcels(),
                round(f.costPerParcelYuan()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static <T> Map<Long, T> byId(Collection<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private String write(Object value) {
        return PlanningService.json(json, value);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
