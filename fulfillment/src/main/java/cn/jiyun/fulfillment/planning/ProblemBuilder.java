package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.fleet.Vehicle;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.orders.ParcelAwaitingPickup;
import cn.jiyun.fulfillment.orders.ParcelService;
import cn.jiyun.fulfillment.producers.PickupWindow;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerProximity;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.routing.GeoPoint;
import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.PinnedStop;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.PlanningSettings;
import cn.jiyun.routing.dispatch.DemandHistory;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the planner's problem from the store: the chosen hubs, their vehicles, the producers whose
 * nearest hub is one of them, and every parcel of theirs awaiting pickup. Ids are the store's.
 */
@Component
class ProblemBuilder {

    private final HubService hubs;
    private final VehicleService vehicles;
    private final ProducerService producers;
    private final ProducerProximity proximity;
    private final ParcelService parcels;
    private final PlanningProperties properties;

    ProblemBuilder(HubService hubs, VehicleService vehicles, ProducerService producers, ProducerProximity proximity,
                   ParcelService parcels, PlanningProperties properties) {
        this.hubs = hubs;
        this.vehicles = vehicles;
        this.producers = producers;
        this.proximity = proximity;
        this.parcels = parcels;
        this.properties = properties;
    }

    /** The problem with the parcels awaiting pickup, and the recent orders the scenario policy samples from. */
    record Built(PlanningProblem problem, DemandHistory history) {
    }

    @Transactional(readOnly = true)
    Built build(Long cooperativeId, List<Long> hubIds, LocalDate firstDay, int days,
                List<PlanningService.Pin> pins, DispatchSettings dispatch, boolean courierRemainder) {
        // a hub the request names that the cooperative does not have is a bad field of the request, not a
        // missing resource: the request itself was found
        List<Hub> chosen = hubIds.stream().map(id -> hubs.find(cooperativeId, id).orElseThrow(() ->
                new InvalidFieldException("hubIds", "no hub " + id + " in this cooperative"))).toList();
        Set<Long> producerIds = new LinkedHashSet<>();
        hubIds.forEach(id -> producerIds.addAll(proximity.idsNearestTo(cooperativeId, id)));
        List<Producer> served = producers.byIds(cooperativeId, producerIds).stream()
                .sorted(Comparator.comparing(Producer::id)).toList();
        List<Vehicle> fleet = vehicles.list(cooperativeId, null, Pageable.unpaged()).stream()
                .filter(v -> hubIds.contains(v.homeHubId())).toList();
        List<ParcelAwaitingPickup> waiting = producerIds.isEmpty() ? List.of()
                : parcels.awaitingPickup(cooperativeId, producerIds);
        PlanningProblem problem = new PlanningProblem(firstDay, days,
                chosen.stream().map(ProblemBuilder::hub).toList(),
                fleet.stream().map(ProblemBuilder::vehicle).toList(),
                served.stream().map(this::producer).toList(),
                waiting.stream().map(p -> parcel(p, firstDay)).toList(),
                pins.stream().map(pin -> pinned(pin, producerIds, fleet, firstDay, days)).toList(),
                new PlanningSettings(properties.maxChilledRide(), properties.ruralPickupFeeFen(),
                        properties.chilledPickupFeeFen(), properties.ownTripCostPerKmFen(),
                        dispatch.holdingCostPerParcelDayFen(), false, courierRemainder));
        return new Built(problem, producerIds.isEmpty() ? DemandHistory.NONE
                : history(cooperativeId, producerIds, firstDay));
    }

    /**
     * The producers' orders of the last {@code historyDays} days before {@code firstDay}, by the day each was
     * ready: an order paid after noon is ready the next day, as the board plans it.
     */
    private DemandHistory history(Long cooperativeId, Set<Long> producerIds, LocalDate firstDay) {
        LocalDate from = firstDay.minusDays(properties.historyDays() + 1L);
        List<ParcelAwaitingPickup> paid = parcels.paidBetween(cooperativeId, producerIds,
                from.atStartOfDay(ChinaTime.ZONE).toInstant(), firstDay.atStartOfDay(ChinaTime.ZONE).toInstant());
        Map<LocalDate, List<Parcel>> byDay = new TreeMap<>();
        for (ParcelAwaitingPickup p : paid) {
            ZonedDateTime at = p.paidAt().atZone(ChinaTime.ZONE);
            LocalDate ready = at.getHour() < 12 ? at.toLocalDate() : at.toLocalDate().plusDays(1);
            if (ready.isBefore(firstDay) && !ready.isBefore(firstDay.minusDays(properties.historyDays()))) {
                byDay.computeIfAbsent(ready, d -> new ArrayList<>()).add(new Parcel(p.parcelId().toString(),
                        p.producerId().toString(), p.weightGrams(), p.volumeMl(), p.chilled(), ready, p.shipBy()));
            }
        }
        // Days without orders count as such, but only from the first day with any: before it the store knew nothing.
        List<DemandHistory.Day> days = new ArrayList<>();
        if (!byDay.isEmpty()) {
            for (LocalDate day = byDay.keySet().iterator().next(); day.isBefore(firstDay); day = day.plusDays(1)) {
                days.add(new DemandHistory.Day(day, byDay.getOrDefault(day, List.of())));
            }
        }
        return new DemandHistory(days);
    }

    /** A pin the planner can honour: a producer and (but for a day pin) a vehicle of these hubs, a day in range. */
    private static PinnedStop pinned(PlanningService.Pin pin, Set<Long> producerIds, List<Vehicle> fleet,
                                     LocalDate firstDay, int days) {
        if (pin.producerId() == null || !producerIds.contains(pin.producerId())) {
            throw new InvalidFieldException("pins", "producer " + pin.producerId() + " is not served by these hubs");
        }
        if (pin.vehicleId() != null && fleet.stream().noneMatch(v -> v.id().equals(pin.vehicleId()))) {
            throw new InvalidFieldException("pins", "vehicle " + pin.vehicleId() + " is not based at these hubs");
        }
        if (pin.day() == null || pin.day().isBefore(firstDay) || !pin.day().isBefore(firstDay.plusDays(days))) {
            throw new InvalidFieldException("pins", "day " + pin.day() + " is outside the plan's days");
        }
        return pin.vehicleId() == null ? PinnedStop.onDay(pin.producerId().toString(), pin.day())
                : new PinnedStop(pin.producerId().toString(), pin.vehicleId().toString(), pin.day(),
                Math.max(0, pin.position()));
    }

    static cn.jiyun.routing.Hub hub(Hub hub) {
        return new cn.jiyun.routing.Hub(hub.id().toString(), hub.name(), point(hub.location()), hub.countyCode(),
                hub.carrierCutoff());
    }

    static cn.jiyun.routing.Vehicle vehicle(Vehicle v) {
        return new cn.jiyun.routing.Vehicle(v.id().toString(), v.homeHubId().toString(), v.capacityKg() * 1000L,
                v.capacityLitres() * 1000L, v.refrigerated(), v.costPerKmFen(), v.fixedCostPerDayFen(), 0,
                v.shiftStart(), v.shiftEnd());
    }

    /**
     * The planner takes one window per producer: the longest of theirs, so a plan never sends a
     * courier in a gap (e.g. over lunch) between two windows.
     */
    cn.jiyun.routing.Producer producer(Producer p) {
        PickupWindow window = p.pickupWindows().stream()
                .max(Comparator.comparing((PickupWindow w) -> Duration.between(w.startsAt(), w.endsAt()))
                        .thenComparing(PickupWindow::startsAt, Comparator.reverseOrder()))
                .orElseThrow();
        return new cn.jiyun.routing.Producer(p.id().toString(), p.name(), point(p.location()), p.countyCode(),
                window.startsAt(), window.endsAt(), Duration.ofMinutes(properties.stopServiceMinutes()));
    }

    static Parcel parcel(ParcelAwaitingPickup p, LocalDate firstDay) {
        LocalDate paidDay = p.paidAt() == null ? firstDay : p.paidAt().atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate ready = paidDay.isAfter(firstDay) ? paidDay : firstDay;
        return new Parcel(p.parcelId().toString(), p.producerId().toString(), p.weightGrams(), p.volumeMl(),
                p.chilled(), ready, p.shipBy());
    }

    private static GeoPoint point(org.locationtech.jts.geom.Point p) {
        return new GeoPoint(p.getY(), p.getX());
    }
}
