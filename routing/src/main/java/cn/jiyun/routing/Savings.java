package cn.jiyun.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices the same collected parcels without consolidation, on the same matrix: (a) a courier's rural pickup fee per
 * parcel (the chilled fee for a chilled parcel), with the km of one hub–producer round trip each; (b) each producer's
 * own round trip to its nearest hub per distinct ready day, at the own-trip cost per km (default: the fleet's mean
 * cost per km). Parcels the plan leaves to the courier count in the plan at the courier's fee and in both baselines.
 */
final class Savings {

    private Savings() {
    }

    static SavingsReport report(CompiledProblem compiled, List<Route> routes, List<Parcel> toCourier) {
        PlanningProblem problem = compiled.problem;
        PlanningSettings settings = problem.settings();
        int parcels = 0;
        int chilled = 0;
        long courierMetres = 0;
        Map<String, Set<Object>> tripsByProducer = new HashMap<>();
        Map<String, Long> roundTripByProducer = new HashMap<>();
        List<Parcel> collected = new ArrayList<>();
        for (Route route : routes) {
            for (RouteStop stop : route.stops()) {
                for (String parcelId : stop.parcelIds()) {
                    Parcel parcel = compiled.parcel(parcelId);
                    collected.add(parcel != null ? parcel : new Parcel(parcelId, stop.producerId(), 0, 0, false,
                            route.day(), null));
                }
            }
        }
        collected.addAll(toCourier);
        for (Parcel parcel : collected) {
            parcels++;
            chilled += parcel.chilled() ? 1 : 0;
            courierMetres += roundTripMetres(compiled, parcel.producerId(), roundTripByProducer);
            tripsByProducer.computeIfAbsent(parcel.producerId(), k -> new HashSet<>()).add(parcel.readyDay());
        }
        long courierFen = toCourier.stream().mapToLong(parcel -> settings.pickupFeeFen(parcel.chilled())).sum();
        long planMetres = routes.stream().mapToLong(Route::metres).sum();
        long planCost = routes.stream().mapToLong(Route::costFen).sum() + courierFen;
        SavingsReport.Figures plan = new SavingsReport.Figures(toCourier.isEmpty() ? "consolidated pickup routes"
                : "consolidated pickup routes, " + toCourier.size() + " parcel(s) by the courier", planMetres,
                routes.size(), planCost, parcels);

        SavingsReport.Figures perParcel = new SavingsReport.Figures("courier pickup fee per parcel ("
                + PlanExtractor.yuan(settings.ruralPickupFeePerParcelFen()) + " ambient, "
                + PlanExtractor.yuan(settings.chilledPickupFeePerParcelFen()) + " chilled)", courierMetres,
                parcels, (long) (parcels - chilled) * settings.ruralPickupFeePerParcelFen()
                        + (long) chilled * settings.chilledPickupFeePerParcelFen(), parcels);

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
