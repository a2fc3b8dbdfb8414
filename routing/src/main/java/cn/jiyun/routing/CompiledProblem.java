package cn.jiyun.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.RouteShadows;
import cn.jiyun.routing.domain.TravelTimes;
import cn.jiyun.routing.domain.VehicleDay;
import cn.jiyun.routing.travel.MatrixPoint;
import cn.jiyun.routing.travel.TravelMatrix;
import cn.jiyun.routing.travel.TravelMatrixSource;

/**
 * A planning problem turned into the solver model: locations indexed (hubs first, then producers), times in seconds
 * from the first day's midnight in Asia/Shanghai, money in milli-fen, parcels grouped into stops, and the parcels
 * that cannot be served whatever the solver does set aside with their reason.
 */
final class CompiledProblem {

    static final long DAY = 86_400;

    final PlanningProblem problem;
    final TravelMatrix matrix;
    final TravelTimes travel;
    final PickupPlan plan;
    private final Map<String, Integer> hubLocation = new HashMap<>();
    private final Map<String, Integer> producerLocation = new HashMap<>();
    private final Map<String, Hub> hubs = new HashMap<>();
    private final Map<String, Producer> producers = new HashMap<>();
    private final Map<String, Parcel> parcels = new HashMap<>();
    private final List<UnassignedParcel> rejected = new ArrayList<>();
    /** Parcels a dispatch policy held before solving: not part of {@link #problem}, listed in every plan. */
    final List<HeldParcel> heldBeforeSolving;
    /**
     * A dispatch policy's estimate, per producer, of what visiting it after the horizon costs (fen): added to the
     * holding price of each of its optional stops, since a held stop must still be fetched later.
     */
    private final Map<String, Long> laterVisitFen;
    private int stopSequence;

    private CompiledProblem(PlanningProblem problem, TravelMatrixSource matrices, List<HeldParcel> held,
            Map<String, Long> laterVisitFen) {
        this.problem = problem;
        this.heldBeforeSolving = List.copyOf(held);
        this.laterVisitFen = Map.copyOf(laterVisitFen);
        List<MatrixPoint> points = new ArrayList<>();
        for (Hub hub : problem.hubs()) {
            hubs.put(hub.id(), hub);
            hubLocation.put(hub.id(), points.size());
            points.add(new MatrixPoint(hub.location(), hub.countyCode()));
        }
        for (Producer producer : problem.producers()) {
            producers.put(producer.id(), producer);
            producerLocation.put(producer.id(), points.size());
            points.add(new MatrixPoint(producer.location(), producer.countyCode()));
        }
        this.matrix = matrices.compute(points);
        this.travel = matrix.toTravelTimes();

        List<VehicleDay> vehicleDays = new ArrayList<>();
        for (Vehicle vehicle : problem.vehicles()) {
            Hub hub = hubs.get(vehicle.homeHubId());
            for (int day = 0; day < problem.days(); day++) {
                long dayStart = day * DAY;
                long cutoff = dayStart + seconds(hub.trunkCutoff());
                vehicleDays.add(new VehicleDay(vehicleDayId(vehicle.id(), day), vehicle.id(), day,
                        hubLocation.get(hub.id()), vehicle.weightCapacityGrams(), vehicle.volumeCapacityMillilitres(),
                        vehicle.refrigerated(), vehicle.costPerKmFen(), vehicle.fixedCostPerDayFen() * 1000,
                        vehicle.costPerHourFen(), dayStart, dayStart + seconds(vehicle.shiftStart()),
                        Math.min(dayStart + seconds(vehicle.shiftEnd()), cutoff), cutoff, travel));
            }
        }
        VehicleDay bucket = VehicleDay.unassignedBucket();
        vehicleDays.add(bucket);
        List<PickupStop> stops = new ArrayList<>(pinnedStops(vehicleDays));
        stops.addAll(stopsFor(problem.parcels().stream()
                .filter(parcel -> !parcels.containsKey(parcel.id())).toList(), rejected));
        this.plan = new PickupPlan(travel, vehicleDays, stops);
    }

    static CompiledProblem compile(PlanningProblem problem, TravelMatrixSource matrices) {
        return new CompiledProblem(problem, matrices, List.of(), Map.of());
    }

    static CompiledProblem compile(PlanningProblem problem, TravelMatrixSource matrices, List<HeldParcel> held,
            Map<String, Long> laterVisitFen) {
        return new CompiledProblem(problem, matrices, held, laterVisitFen);
    }

    /** The points of {@code problem}'s travel matrix, in its order: the hubs, then the producers. */
    static List<MatrixPoint> points(PlanningProblem problem) {
        List<MatrixPoint> points = new ArrayList<>();
        problem.hubs().forEach(hub -> points.add(new MatrixPoint(hub.location(), hub.countyCode())));
        problem.producers().forEach(producer -> points.add(new MatrixPoint(producer.location(),
                producer.countyCode())));
        return points;
    }

    /** The holding price of an optional stop beyond its wait: what fetching it later is estimated to cost (fen). */
    long laterVisitFen(String producerId) {
        return laterVisitFen.getOrDefault(producerId, 0L);
    }

    static String vehicleDayId(String vehicleId, int day) {
        return vehicleId + "@" + day;
    }

    private static long seconds(java.time.LocalTime time) {
        return time.toSecondOfDay();
    }

    private int dayIndex(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(problem.firstDay(), day);
    }

    ZonedDateTime toTime(long secondsFromStart) {
        return problem.firstDay().atStartOfDay(PlanningProblem.ZONE).plusSeconds(secondsFromStart);
    }

    long toSeconds(Instant instant) {
        return instant.getEpochSecond() - problem.firstDay().atStartOfDay(PlanningProblem.ZONE).toEpochSecond();
    }

    synchronized Parcel parcel(String id) {
        return parcels.get(id);
    }

    synchronized List<UnassignedParcel> rejected() {
        return List.copyOf(rejected);
    }

    synchronized void forgetRejected(java.util.Collection<String> parcelIds) {
        rejected.removeIf(unassigned -> parcelIds.contains(unassigned.parcelId()));
    }

    synchronized void addRejected(List<UnassignedParcel> more) {
        rejected.addAll(more);
    }

    /** A stop like {@code original} (same place, days and pin) for the parcels that remain after a cancellation. */
    synchronized PickupStop replacement(PickupStop original, List<Parcel> kept) {
        PickupStop stop = newStop(original.getId(), original.getProducerId(), original.getLocation(), kept,
                original.getReadyDay(), original.getShipBy(), original.isChilled(), original.isOptional());
        if (original.isPinned()) {
            stop.withPin(original.getPinnedVehicleDayId(), original.getPinnedPreviousStopId());
        }
        if (original.isDayPinned()) {
            stop.withDayPin(original.getPinnedDay());
        }
        return stop;
    }

    /**
     * The stop in {@code stops} that a newly made stop should join rather than stand beside: the same
     * producer, ready the same day, due the same last day, chilled alike, not pinned (a pinned stop may
     * already have been visited), and with room for both in the largest vehicle that may carry them.
     * Null when there is none.
     */
    synchronized PickupStop joinable(List<PickupStop> stops, PickupStop addition) {
        int additionLastDay = lastDay(addition);
        List<Vehicle> eligible = vehiclesFor(addition.isChilled());
        long maxWeight = eligible.stream().mapToLong(Vehicle::weightCapacityGrams).max().orElse(0);
        long maxVolume = eligible.stream().mapToLong(Vehicle::volumeCapacityMillilitres).max().orElse(0);
        for (PickupStop stop : stops) {
            if (stop != addition && stop.getProducerId().equals(addition.getProducerId())
                    && stop.getReadyDay() == addition.getReadyDay() && stop.isChilled() == addition.isChilled()
                    && !stop.isPinned() && !stop.isDayPinned() && !stop.getParcelIds().isEmpty()
                    && lastDay(stop) == additionLastDay && stop.isOptional() == addition.isOptional()
                    && stop.getWeight() + addition.getWeight() <= maxWeight
                    && stop.getVolume() + addition.getVolume() <= maxVolume) {
                return stop;
            }
        }
        return null;
    }

    /** {@code original} (same id, place and days) with the parcels of {@code addition} added. */
    synchronized PickupStop joined(PickupStop original, PickupStop addition) {
        List<Parcel> all = new ArrayList<>();
        original.getParcelIds().forEach(id -> all.add(parcels.get(id)));
        addition.getParcelIds().forEach(id -> all.add(parcels.get(id)));
        return newStop(original.getId(), original.getProducerId(), original.getLocation(), all,
                original.getReadyDay(), Math.min(original.getShipBy(), addition.getShipBy()), original.isChilled(),
                original.isOptional());
    }

    private int lastDay(PickupStop stop) {
        return stop.getParcelIds().stream().map(parcels::get).mapToInt(this::lastDayMeetingDeadline).min()
                .orElse(Integer.MAX_VALUE);
    }

    int hubLocation(String hubId) {
        return hubLocation.get(hubId);
    }

    Integer producerLocation(String producerId) {
        return producerLocation.get(producerId);
    }

    Hub hub(String id) {
        return hubs.get(id);
    }

    /** Pinned stops, already placed on their vehicle-days as each route's fixed beginning. */
    private List<PickupStop> pinnedStops(List<VehicleDay> vehicleDays) {
        Map<String, VehicleDay> byId = vehicleDays.stream()
                .collect(Collectors.toMap(VehicleDay::getId, vehicleDay -> vehicleDay));
        List<PinnedStop> pins = problem.pinnedStops().stream().filter(pin -> !pin.isDayPin())
                .sorted(Comparator.comparing(PinnedStop::vehicleId).thenComparing(PinnedStop::day)
                        .thenComparingInt(PinnedStop::position))
                .toList();
        List<PickupStop> placed = new ArrayList<>();
        Map<String, String> lastPinnedStop = new HashMap<>();
        for (PinnedStop pin : pins) {
            int day = dayIndex(pin.day());
            VehicleDay vehicleDay = byId.get(vehicleDayId(pin.vehicleId(), day));
            Integer location = producerLocation.get(pin.producerId());
            if (vehicleDay == null || location == null) {
                throw new IllegalArgumentException("pin " + pin + " names an unknown vehicle, day or producer");
            }
            List<Parcel> taken = takeParcelsReadyBy(pin);
            PickupStop stop = newStop(pin.producerId(), location, taken, day, PickupStop.NEVER,
                    taken.stream().anyMatch(Parcel::chilled), false);
            // A person's pin overrides the deadline rule: the stop stays even if it ships late.
            stop.withPin(vehicleDay.getId(), lastPinnedStop.get(vehicleDay.getId()));
            lastPinnedStop.put(vehicleDay.getId(), stop.getId());
            vehicleDay.getStops().add(stop);
            placed.add(stop);
        }
        vehicleDays.forEach(RouteShadows::refresh);
        for (PinnedStop pin : problem.pinnedStops()) {
            if (pin.isDayPin()) {
                placed.add(dayPinnedStop(pin));
            }
        }
        return placed;
    }

    /** A day pin's stop, left for the solver to place on some route of that day. */
    private PickupStop dayPinnedStop(PinnedStop pin) {
        int day = dayIndex(pin.day());
        Integer location = producerLocation.get(pin.producerId());
        if (day < 0 || day >= problem.days() || location == null) {
            throw new IllegalArgumentException(
                    "pin " + pin + " names a day outside the horizon or an unknown producer");
        }
        List<Parcel> taken = takeParcelsReadyBy(pin);
        // As with vehicle pins, the person's choice of day overrides the deadline rule.
        return newStop(pin.producerId(), location, taken, day, PickupStop.NEVER,
                taken.stream().anyMatch(Parcel::chilled), false).withDayPin(day);
    }

    /** The producer's parcels ready by the pin's day that no earlier pin took; they are now this pin's. */
    private List<Parcel> takeParcelsReadyBy(PinnedStop pin) {
        List<Parcel> taken = problem.parcels().stream()
                .filter(parcel -> parcel.producerId().equals(pin.producerId())
                        && !parcel.readyDay().isAfter(pin.day()) && !parcels.containsKey(parcel.id()))
                .toList();
        taken.forEach(parcel -> parcels.put(parcel.id(), parcel));
        return taken;
    }

    /**
     * Groups parcels into stops (same producer, ready day, last possible day, chilled flag and whether they may be
     * held; split when a group would not fit the largest vehicle), setting aside those no plan could serve.
     */
    synchronized List<PickupStop> stopsFor(List<Parcel> newParcels, List<UnassignedParcel> unservable) {
        Map<List<Object>, List<Parcel>> groups = new LinkedHashMap<>();
        Map<List<Object>, Integer> groupLastDay = new HashMap<>();
        for (Parcel parcel : newParcels) {
            parcels.put(parcel.id(), parcel);
            UnassignedParcel reason = precheck(parcel);
            if (reason != null) {
                unservable.add(reason);
                continue;
            }
            int readyDay = Math.max(0, dayIndex(parcel.readyDay()));
            int lastDay = lastDayMeetingDeadline(parcel);
            List<Object> key = List.of(parcel.producerId(), readyDay, lastDay, parcel.chilled(), isOptional(parcel));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(parcel);
            groupLastDay.put(key, lastDay);
        }
        List<PickupStop> stops = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Parcel>> group : groups.entrySet()) {
            String producerId = (String) group.getKey().get(0);
            int readyDay = (Integer) group.getKey().get(1);
            boolean chilled = (Boolean) group.getKey().get(3);
            boolean optional = (Boolean) group.getKey().get(4);
            for (List<Parcel> chunk : splitToFit(group.getValue(), chilled)) {
                long shipBy = chunk.stream().map(Parcel::shipBy).filter(Objects::nonNull).mapToLong(this::toSeconds)
                        .min().orElse(PickupStop.NEVER);
                PickupStop stop = newStop(producerId, producerLocation.get(producerId), chunk, readyDay, shipBy,
                        chilled, optional);
                String unreachable = unreachable(stop, groupLastDay.get(group.getKey()));
                if (unreachable != null) {
                    chunk.forEach(parcel -> unservable.add(new UnassignedParcel(parcel.id(), producerId,
                            UnassignedReason.WINDOW_UNREACHABLE, unreachable)));
                } else {
                    stops.add(stop);
                }
            }
        }
        return stops;
    }

    private PickupStop newStop(String producerId, int location, List<Parcel> stopParcels, int readyDay, long shipBy,
            boolean chilled, boolean optional) {
        return newStop("stop-" + (++stopSequence), producerId, location, stopParcels, readyDay, shipBy, chilled,
                optional);
    }

    /**
     * Keeping the id lets a replacement stand in for a stop that a later pin names as its predecessor. An optional
     * stop may be held at its parcels' wait until the day after the horizon; with the courier remainder on, one that
     * must go may be left to the courier at the courier's fee.
     */
    private PickupStop newStop(String id, String producerId, int location, List<Parcel> stopParcels, int readyDay,
            long shipBy, boolean chilled, boolean optional) {
        Producer producer = producers.get(producerId);
        PickupStop stop = new PickupStop(id, producerId, location,
                stopParcels.stream().map(Parcel::id).toList(),
                stopParcels.stream().mapToLong(Parcel::weightGrams).sum(),
                stopParcels.stream().mapToLong(Parcel::volumeMillilitres).sum())
                .withTravel(travel)
                .withWindow(seconds(producer.pickupFrom()), seconds(producer.pickupUntil()),
                        producer.serviceTime().toSeconds())
                .withDays(readyDay, shipBy);
        if (chilled) {
            stop.withChilled(problem.settings().maxChilledRide().toSeconds());
        }
        PlanningSettings settings = problem.settings();
        long waitPerDay = stopParcels.size() * settings.holdingCostPerParcelDayFen() * 1000;
        stop.withWaitCost(waitPerDay);
        if (optional) {
            stop.withLeaveCost(true, waitPerDay * (problem.days() - readyDay) + laterVisitFen(producerId) * 1000);
        } else if (settings.courierRemainder()) {
            stop.withLeaveCost(false, stopParcels.stream()
                    .mapToLong(parcel -> settings.pickupFeeFen(parcel.chilled()) * 1000).sum());
        }
        return stop;
    }

    /** May wait past the horizon: holding is allowed and its deadline's last collection day is after the horizon. */
    private boolean isOptional(Parcel parcel) {
        return problem.settings().mayHold() && problem.isOptional(parcel);
    }

    private List<Vehicle> vehiclesFor(boolean chilled) {
        return problem.vehicles().stream().filter(vehicle -> !chilled || vehicle.refrigerated()).toList();
    }

    private UnassignedParcel precheck(Parcel parcel) {
        String producerId = parcel.producerId();
        if (!producers.containsKey(producerId)) {
            return new UnassignedParcel(parcel.id(), producerId, UnassignedReason.UNKNOWN_PRODUCER,
                    "producer " + producerId + " is not part of this plan");
        }
        if (dayIndex(parcel.readyDay()) >= problem.days()) {
            return new UnassignedParcel(parcel.id(), producerId, UnassignedReason.NOT_READY_IN_HORIZON,
                    "ready on " + parcel.readyDay() + ", after the last planned day " + problem.lastDay());
        }
        List<Vehicle> eligible = vehiclesFor(parcel.chilled());
        if (eligible.isEmpty()) {
            return new UnassignedParcel(parcel.id(), producerId,
                    parcel.chilled() ? UnassignedReason.NO_REFRIGERATED_VEHICLE : UnassignedReason.TOO_HEAVY,
                    parcel.chilled() ? "chilled, and no refrigerated vehicle is available" : "no vehicle available");
        }
        long maxWeight = eligible.stream().mapToLong(Vehicle::weightCapacityGrams).max().orElse(0);
        if (parcel.weightGrams() > maxWeight) {
            return new UnassignedParcel(parcel.id(), producerId, UnassignedReason.TOO_HEAVY,
                    parcel.weightGrams() + " g, the largest vehicle takes " + maxWeight + " g");
        }
        long maxVolume = eligible.stream().mapToLong(Vehicle::volumeCapacityMillilitres).max().orElse(0);
        if (parcel.volumeMillilitres() > maxVolume) {
            return new UnassignedParcel(parcel.id(), producerId, UnassignedReason.TOO_BULKY,
                    parcel.volumeMillilitres() + " ml, the largest vehicle takes " + maxVolume + " ml");
        }
        if (lastDayMeetingDeadline(parcel) < Math.max(0, dayIndex(parcel.readyDay()))) {
            return new UnassignedParcel(parcel.id(), producerId, UnassignedReason.DEADLINE_ALREADY_MISSED,
                    "ship-by " + parcel.shipBy() + " is before every trunk cut-off it could still make");
        }
        return null;
    }

    /** The last horizon day whose latest trunk cut-off still meets the parcel's deadline (-1: none). */
    private int lastDayMeetingDeadline(Parcel parcel) {
        if (parcel.shipBy() == null) {
            return problem.days() - 1;
        }
        return (int) Math.max(-1, Math.min(problem.days() - 1,
                ChronoUnit.DAYS.between(problem.firstDay(), problem.lastCollectionDay(parcel))));
    }

    private List<List<Parcel>> splitToFit(List<Parcel> group, boolean chilled) {
        List<Vehicle> eligible = vehiclesFor(chilled);
        long maxWeight = eligible.stream().mapToLong(Vehicle::weightCapacityGrams).max().orElse(0);
        long maxVolume = eligible.stream().mapToLong(Vehicle::volumeCapacityMillilitres).max().orElse(0);
        List<List<Parcel>> chunks = new ArrayList<>();
        List<Parcel> current = new ArrayList<>();
        long weight = 0;
        long volume = 0;
        for (Parcel parcel : group) {
            if (!current.isEmpty() && (weight + parcel.weightGrams() > maxWeight
                    || volume + parcel.volumeMillilitres() > maxVolume)) {
                chunks.add(current);
                current = new ArrayList<>();
                weight = 0;
                volume = 0;
            }
            current.add(parcel);
            weight += parcel.weightGrams();
            volume += parcel.volumeMillilitres();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Null when some vehicle can visit the stop alone on some allowed day; otherwise why not. */
    private String unreachable(PickupStop stop, int lastDay) {
        for (Vehicle vehicle : vehiclesFor(stop.isChilled())) {
            Hub hub = hubs.get(vehicle.homeHubId());
            int hubIndex = hubLocation.get(hub.id());
            for (int day = stop.getReadyDay(); day <= lastDay; day++) {
                long dayStart = day * DAY;
                long arrival = dayStart + seconds(vehicle.shiftStart()) + travel.duration(hubIndex, stop.getLocation());
                long start = Math.max(arrival, dayStart + stop.getWindowOpen());
                long back = start + stop.getServiceTime() + travel.duration(stop.getLocation(), hubIndex);
                long latestReturn = dayStart + Math.min(seconds(vehicle.shiftEnd()), seconds(hub.trunkCutoff()));
                boolean rideOk = !stop.isChilled() || back - start - stop.getServiceTime() <= stop.getMaxRideTime();
                if (start <= dayStart + stop.getWindowClose() && back <= latestReturn && rideOk) {
                    return null;
                }
            }
        }
        return "no vehicle can reach the producer within its pickup window and be back at its hub before the "
                + "cut-off" + (stop.isChilled() ? " (chilled: within the maximum ride time)" : "");
    }
}
