package cn.jiyun.routing.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiyun.routing.Hub;
import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.Producer;
import cn.jiyun.routing.Route;
import cn.jiyun.routing.RouteStop;
import cn.jiyun.routing.Vehicle;
import cn.jiyun.routing.travel.MatrixPoint;
import cn.jiyun.routing.travel.TravelMatrix;
import cn.jiyun.routing.travel.TravelMatrixSource;

/**
 * Checks a plan of the service's model in its own arithmetic, trusting neither the score nor the times the plan
 * states: it drives each route again on the travel matrix from the vehicle's shift start, and checks that every
 * parcel is collected at most once, on or after its ready day, on a trunk that meets its deadline, within its
 * producer's window, within the vehicle's weight and volume, in a refrigerated vehicle and within the chilled ride
 * when chilled, and back at the hub before the cut-off and the shift's end.
 */
public final class PlanCheck {

    private PlanCheck() {
    }

    public static List<String> violations(PlanningProblem problem, Plan plan, TravelMatrixSource matrices) {
        List<MatrixPoint> points = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Hub hub : problem.hubs()) {
            index.put("hub:" + hub.id(), points.size());
            points.add(new MatrixPoint(hub.location(), hub.countyCode()));
        }
        Map<String, Producer> producers = new HashMap<>();
        for (Producer producer : problem.producers()) {
            producers.put(producer.id(), producer);
            index.put(producer.id(), points.size());
            points.add(new MatrixPoint(producer.location(), producer.countyCode()));
        }
        TravelMatrix matrix = matrices.compute(points);
        Map<String, Parcel> parcels = new HashMap<>();
        problem.parcels().forEach(parcel -> parcels.put(parcel.id(), parcel));
        Map<String, Vehicle> vehicles = new HashMap<>();
        problem.vehicles().forEach(vehicle -> vehicles.put(vehicle.id(), vehicle));
        Map<String, Hub> hubs = new HashMap<>();
        problem.hubs().forEach(hub -> hubs.put(hub.id(), hub));
        long maxRide = problem.settings().maxChilledRide().toSeconds();

        List<String> violations = new ArrayList<>();
        Set<String> collected = new HashSet<>();
        for (Route route : plan.routes()) {
            Vehicle vehicle = vehicles.get(route.vehicleId());
            Hub hub = hubs.get(vehicle.homeHubId());
            ZonedDateTime dayStart = route.day().atStartOfDay(PlanningProblem.ZONE);
            ZonedDateTime trunk = route.day().atTime(hub.trunkCutoff()).atZone(PlanningProblem.ZONE);
            long time = dayStart.plusSeconds(vehicle.shiftStart().toSecondOfDay()).toEpochSecond();
            int from = index.get("hub:" + hub.id());
            long grams = 0;
            long millilitres = 0;
            long chilledDue = Long.MAX_VALUE;
            for (RouteStop stop : route.stops()) {
                Producer producer = producers.get(stop.producerId());
                int here = index.get(stop.producerId());
                long arrival = time + matrix.durationSeconds(from, here);
                long open = dayStart.plusSeconds(producer.pickupFrom().toSecondOfDay()).toEpochSecond();
                long close = dayStart.plusSeconds(producer.pickupUntil().toSecondOfDay()).toEpochSecond();
                long start = Math.max(arrival, open);
                if (start > close) {
                    violations.add(route.id() + ": " + stop.producerId() + " reached after its window closes");
                }
                time = start + producer.serviceTime().toSeconds();
                from = here;
                for (String id : stop.parcelIds()) {
                    Parcel parcel = parcels.get(id);
                    if (parcel == null || !parcel.producerId().equals(stop.producerId())) {
                        violations.add(route.id() + ": parcel " + id + " is not a parcel of " + stop.producerId());
                        continue;
                    }
                    if (!collected.add(id)) {
                        violations.add("parcel " + id + " is collected twice");
                    }
                    if (parcel.readyDay().isAfter(route.day())) {
                        violations.add(route.id() + ": parcel " + id + " collected before it is ready");
                    }
                    if (parcel.shipBy() != null && trunk.toInstant().isAfter(parcel.shipBy())) {
                        violations.add(route.id() + ": parcel " + id + " misses its ship-by " + parcel.shipBy());
                    }
                    if (parcel.chilled()) {
                        if (!vehicle.refrigerated()) {
                            violations.add(route.id() + ": chilled parcel " + id + " in a vehicle without a reefer");
                        }
                        chilledDue = Math.min(chilledDue, time + maxRide);
                    }
                    grams += parcel.weightGrams();
                    millilitres += parcel.volumeMillilitres();
                }
            }
            long back = time + matrix.durationSeconds(from, index.get("hub:" + hub.id()));
            long latest = Math.min(dayStart.plusSeconds(vehicle.shiftEnd().toSecondOfDay()).toEpochSecond(),
                    trunk.toEpochSecond());
            if (back > latest) {
                violations.add(route.id() + ": back at the hub " + Duration.ofSeconds(back - latest)
                        + " after the cut-off or the shift's end");
            }
            if (back > chilledDue) {
                violations.add(route.id() + ": a chilled parcel rides longer than " + problem.settings()
                        .maxChilledRide());
            }
            if (grams > vehicle.weightCapacityGrams() || millilitres > vehicle.volumeCapacityMillilitres()) {
                violations.add(route.id() + ": over the vehicle's capacity");
            }
        }
        return violations;
    }
}
