package cn.jiyun.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices the same served parcels without consolidation, on the same matrix: (a) a courier's rural pickup fee per
 * parcel, with the km of one hub–producer round trip each; (b) each producer's own round trip to its nearest hub per
 * distinct ready day, at the own-trip cost per km (default: the fleet's mean cost per km).
 */
final class Savings {

    private Savings() {
    }

    static SavingsReport report(CompiledProblem compiled, List<Route> routes) {
        PlanningProblem problem = compiled.problem;
        int parcels = 0;
        long courierMetres = 0;
        Map<String, Set<Object>> tripsByProducer = new HashMap<>();
        Map<String, Long> roundTripByProducer = new HashMap<>();
        for (Route route : routes) {
            for (RouteStop stop : route.stops()) {
                long roundTrip = roundTripMetres(compiled, stop.producerId(), roundTripByProducer);
                for (String parcelId : stop.parcelIds()) {
                    Parcel parcel = compiled.parcel(parcelId);
                    parcels++;
                    courierMetres += roundTrip;
                    tripsByProducer.computeIfAbsent(stop.producerId(), k -> new HashSet<>())
                            .add(parcel == null ? route.day() : parcel.readyDay());
                }
            }
        }
        long planMetres = routes.stream().mapToLong(Route::metres).sum();
        long planCost = routes.stream().mapToLong(Route::costFen).sum();
        SavingsReport.Figures plan = new SavingsReport.Figures("consolidated pickup routes", planMetres,
                routes.size(), planCost, parcels);

        SavingsReport.Figures perParcel = new SavingsReport.Figures("courier pickup fee per parcel", courierMetres,
                parcels, parcels * problem.settings().ruralPickupFeePerParcelFen(), parcels);

        long ownCostPerKm = problem.settings().ownTripCostPerKmFen() > 0 ? problem.settings().ownTripCostPerKmFen()
                : Math.round(problem.vehicles().stream().mapToLong(Vehicle::costPerKmFen).average().orElse(0));
        long ownMetres = 0;
        for (Map.Entry<String, Set<Object>> producer : tripsByProducer.entrySet()) {
            int days = producer.getValue().size();
            ownMetres += days * roundTripByProducer.get(producer.getKey());
        }
        SavingsReport.Figures own = new SavingsReport.Figures("producers drive to the hub", ownMetres,
                tripsByProducer.size(), Math.round(ownMetres / 1000.0 * ownCostPerKm), parcels);
        return new SavingsReport(plan, perParcel, own);
    }

    /** Round trip from the producer to its nearest hub and back, in metres. */
    private static long roundTripMetres(CompiledProblem compiled, String producerId, Map<String, Long> cache) {
        return cache.computeIfAbsent(producerId, id -> {
            int producer = compiled.producerLocation(id);
            long best = Long.MAX_VALUE;
            for (Hub hub : compiled.problem.hubs()) {
                int hubIndex = compiled.hubLocation(hub.id());
                best = Math.min(best, compiled.matrix.distanceMetres(producer, hubIndex)
                        + compiled.matrix.distanceMetres(hubIndex, producer));
            }
            return best;
        });
    }
}
