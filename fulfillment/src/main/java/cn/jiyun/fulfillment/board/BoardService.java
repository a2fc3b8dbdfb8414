package cn.jiyun.fulfillment.board;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.orders.ParcelAwaitingPickup;
import cn.jiyun.fulfillment.orders.ParcelService;
import cn.jiyun.fulfillment.planning.PlanView;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerProximity;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the planning board shows: hubs, producers with the parcels awaiting their pickup, and plans, with
 * every position already on the map's datum, times in Asia/Shanghai, weights in kg and money in yuan.
 */
@Service
@Transactional(readOnly = true)
public class BoardService {

    /** A hub on the map. */
    public record HubMarker(Long id, String name, MapPoint point) {
    }

    /**
     * A producer on the map, with what awaits pickup there (parcels due by the day asked, if one was); the
     * earliest ship-by deadline in Asia/Shanghai time.
     */
    public record ProducerMarker(Long id, String name, String address, MapPoint point, Long hubId, int parcels,
                                 double kg, LocalDateTime earliestShipBy) {
    }

    /** A courier a route can be given to. */
    public record Courier(Long id, String name) {
    }

    private final HubService hubs;
    private final ProducerService producers;
    private final ProducerProximity proximity;
    private final ParcelService parcels;
    private final AppUsers users;
    private final MapProperties map;

    BoardService(HubService hubs, ProducerService producers, ProducerProximity proximity, ParcelService parcels, AppUsers users,
                 MapProperties map) {
        this.hubs = hubs;
        this.producers = producers;
        this.proximity = proximity;
        this.parcels = parcels;
        this.users = users;
        this.map = map;
    }

    public MapDatum datum() {
        return map.tileDatum();
    }

    public List<HubMarker> hubs(Long cooperativeId) {
        return hubs.list(cooperativeId, Pageable.unpaged(Sort.by("id"))).stream()
                .map(h -> new HubMarker(h.id(), h.name(), datum().of(Position.of(h.location())))).toList();
    }

    /**
     * The cooperative's producers, or those whose nearest hub is {@code hubId}; their parcels awaiting pickup,
     * or only those due to ship by the end of {@code dueBy} (Asia/Shanghai). Most urgent first.
     */
    public List<ProducerMarker> producers(Long cooperativeId, Long hubId, LocalDate dueBy) {
        List<Producer> all = producers.list(cooperativeId, null, Pageable.unpaged()).getContent();
        Map<Long, Long> nearestHub = proximity.nearestHubs(cooperativeId, all.stream().map(Producer::id).toList())
                .stream().collect(Collectors.toMap(ProducerProximity.Distance::producerId,
                        ProducerProximity.Distance::hubId));
        List<Producer> chosen = hubId == null ? all
                : all.stream().filter(p -> hubId.equals(nearestHub.get(p.id()))).toList();
        Instant dueBefore = dueBy == null ? null : dueBy.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        Map<Long, List<ParcelAwaitingPickup>> waiting = chosen.isEmpty() ? Map.of()
                : parcels.awaitingPickup(cooperativeId, chosen.stream().map(Producer::id).toList()).stream()
                .filter(p -> dueBefore == null || (p.shipBy() != null && p.shipBy().isBefore(dueBefore)))
                .collect(Collectors.groupingBy(ParcelAwaitingPickup::producerId));
        return chosen.stream().map(p -> {
            List<ParcelAwaitingPickup> theirs = waiting.getOrDefault(p.id(), List.of());
            return new ProducerMarker(p.id(), p.name(), p.address(), datum().of(Position.of(p.location())),
                    nearestHub.get(p.id()), theirs.size(),
                    kg(theirs.stream().mapToLong(ParcelAwaitingPickup::weightGrams).sum()),
                    theirs.stream().map(ParcelAwaitingPickup::shipBy).filter(java.util.Objects::nonNull)
                            .min(Comparator.naturalOrder())
                            .map(t -> LocalDateTime.ofInstant(t, ChinaTime.ZONE).withNano(0)).orElse(null));
        }).sorted(Comparator.comparing(ProducerMarker::earliestShipBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProducerMarker::id)).toList();
    }

    public List<Courier> couriers(Long cooperativeId) {
        return users.findByCooperativeIdAndRoleOrderByUsername(cooperativeId, Role.COURIER).stream()
                .filter(AppUser::enabled)
                .map(u -> new Courier(u.id(), u.displayName() == null || u.displayName().isBlank() ? u.username()
                        : u.displayName() + " (" + u.username() + ")"))
                .toList();
    }

    /** A plan as the board draws and tabulates it. */
    public BoardPlan plan(Long cooperativeId, PlanView view) {
        return drawer(cooperativeId).apply(view);
    }

    /** Draws plans of the cooperative; the hubs are read once, so it can draw every improvement of a running plan. */
    public Function<PlanView, BoardPlan> drawer(Long cooperativeId) {
        Map<Long, HubMarker> hubsById = hubs(cooperativeId).stream()
                .collect(Collectors.toMap(HubMarker::id, Function.identity()));
        MapDatum datum = datum();
        return view -> draw(view, hubsById, datum);
    }

    private BoardPlan draw(PlanView view, Map<Long, HubMarker> hubsById, MapDatum datum) {
        List<BoardPlan.Route> routes = new ArrayList<>();
        Map<Long, String> producerNames = new HashMap<>();
        for (int i = 0; i < view.routes().size(); i++) {
            PlanView.RouteView r = view.routes().get(i);
            HubMarker hub = hubsById.get(r.hubId());
            List<MapPoint> path = new ArrayList<>();
            if (hub != null) {
                path.add(hub.point());
            }
            List<BoardPlan.Stop> stops = new ArrayList<>();
            for (int s = 0; s < r.stops().size(); s++) {
                PlanView.StopView stop = r.stops().get(s);
                PlanView.ProducerRef producer = stop.producer();
                MapPoint point = producer == null ? null : datum.of(producer.location());
                if (point != null) {
                    path.add(point);
                    producerNames.put(producer.id(), producer.name());
                }
                stops.add(new BoardPlan.Stop(s + 1, producer == null ? null : producer.id(),
                        producer == null ? "?" : producer.name(), point, local(stop.arrival()),
                        stop.parcels().size(), kg(stop.parcels().stream().mapToLong(PlanView.ParcelRef::weightGrams)
                        .sum()), kg(stop.loadGramsAfter()), stop.pinned()));
            }
            if (hub != null) {
                path.add(hub.point());
            }
            PlanView.VehicleRef v = r.vehicle();
            int capacityKg = v == null ? 0 : v.capacityKg();
            routes.add(new BoardPlan.Route(r.id(), i, v == null ? null : v.id(), v == null ? "?" : v.name(),
                    v == null ? "" : v.plate(), hub == null ? null : hub.name(), r.day(), local(r.departure()),
                    local(r.returnToHub()), r.km(), r.costYuan(), kg(r.loadGrams()), capacityKg,
                    capacityKg == 0 ? 0 : (int) Math.round(r.loadGrams() / 10.0 / capacityKg), r.parcels(),
                    r.courierUserId(), path, stops));
        }
        Set<Long> unknown = java.util.stream.Stream.concat(
                        view.unassigned().stream().map(PlanView.UnassignedView::producerId),
                        view.held().stream().map(PlanView.HeldView::producerId))
                .filter(id -> id != null && !producerNames.containsKey(id)).collect(Collectors.toSet());
        producers.byIds(unknown).forEach(p -> producerNames.put(p.id(), p.name()));
        List<BoardPlan.Unassigned> unassigned = view.unassigned().stream()
                .map(u -> new BoardPlan.Unassigned(u.parcelId(), u.producerId(), producerNames.get(u.producerId()),
                        u.reason(), u.detail())).toList();
        return new BoardPlan(view.id(), view.status(), view.hubIds().stream().map(hubsById::get)
                .filter(java.util.Objects::nonNull).map(HubMarker::name).toList(), view.hubIds(), view.firstDay(),
                view.days(), (int) Math.max(1, Math.round(view.seconds())), view.score(), view.feasible(), view.costYuan(),
                view.baselineCost() == null ? null : view.baselineCost() / 100.0, view.parcels(), routes, unassigned,
                view.savings(), view.failure(), view.policy(), view.courierRemainder(), view.held().stream()
                .map(h -> new BoardPlan.Held(h.parcelId(), h.producerId(), producerNames.get(h.producerId()),
                        h.lastDay(), h.reason())).toList());
    }

    private static LocalTime local(Instant instant) {
        return instant == null ? null
                : instant.atZone(ChinaTime.ZONE).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    }

    private static double kg(long grams) {
        return Math.round(grams / 100.0) / 10.0;
    }
}
