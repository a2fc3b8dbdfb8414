package cn.jiyun.routing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the planner needs, immutable: a horizon of 1–3 days from {@code firstDay}, hubs, vehicles, producers
 * (pass every producer that may get parcels while solving: new parcels are accepted only for known producers),
 * parcels and pinned stops. Local times are in {@link #ZONE}.
 */
public record PlanningProblem(LocalDate firstDay, int days, List<Hub> hubs, List<Vehicle> vehicles,
        List<Producer> producers, List<Parcel> parcels, List<PinnedStop> pinnedStops, PlanningSettings settings) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_DAYS = 3;

    public PlanningProblem {
        Hub.require(firstDay, "firstDay");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("the horizon is 1 to " + MAX_DAYS + " days, not " + days);
        }
        hubs = List.copyOf(hubs);
        vehicles = List.copyOf(vehicles);
        producers = List.copyOf(producers);
        parcels = List.copyOf(parcels);
        pinnedStops = pinnedStops == null ? List.of() : List.copyOf(pinnedStops);
        settings = settings == null ? PlanningSettings.DEFAULTS : settings;
        Set<String> hubIds = new HashSet<>();
        hubs.forEach(hub -> {
            if (!hubIds.add(hub.id())) {
                throw new IllegalArgumentException("duplicate hub " + hub.id());
            }
        });
        for (Vehicle vehicle : vehicles) {
            if (!hubIds.contains(vehicle.homeHubId())) {
                throw new IllegalArgumentException("vehicle " + vehicle.id() + " has unknown hub "
                        + vehicle.homeHubId());
            }
        }
        requireUnique(producers.stream().map(Producer::id).toList(), "producer");
        requireUnique(parcels.stream().map(Parcel::id).toList(), "parcel");
        requireUnique(vehicles.stream().map(Vehicle::id).toList(), "vehicle");
    }

    public PlanningProblem(LocalDate firstDay, int days, List<Hub> hubs, List<Vehicle> vehicles,
            List<Producer> producers, List<Parcel> parcels) {
        this(firstDay, days, hubs, vehicles, producers, parcels, List.of(), PlanningSettings.DEFAULTS);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    /**
     * The last day on which collecting {@code parcel} still meets its ship-by deadline: the last day whose latest
     * hub trunk cut-off leaves no later than the deadline (it may lie before or after the horizon); null when the
     * parcel has no deadline.
     */
    public LocalDate lastCollectionDay(Parcel parcel) {
        if (parcel.shipBy() == null) {
            return null;
        }
        LocalTime latestCutoff = hubs.stream().map(Hub::trunkCutoff).max(LocalTime::compareTo).orElse(LocalTime.MIDNIGHT);
        ZonedDateTime shipBy = parcel.shipBy().atZone(ZONE);
        LocalDate day = shipBy.toLocalDate();
        return shipBy.toLocalTime().isBefore(latestCutoff) ? day.minusDays(1) : day;
    }

    /** May wait past this horizon: its last collection day lies after the last planned day. */
    public boolean isOptional(Parcel parcel) {
        LocalDate last = lastCollectionDay(parcel);
        return last != null && last.isAfter(lastDay());
    }

    /** The same problem with other parcels and settings (a dispatch policy's view of it). */
    public PlanningProblem with(List<Parcel> otherParcels, PlanningSettings otherSettings) {
        return new PlanningProblem(firstDay, days, hubs, vehicles, producers, otherParcels, pinnedStops,
                otherSettings);
    }

    private static void requireUnique(List<String> ids, String kind) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate " + kind + " " + id);
            }
        }
    }
}
