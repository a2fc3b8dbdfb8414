package cn.jiyun.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.VehicleDay;

/** Reads a solved model back into the public {@link Plan}, with its savings report. */
final class PlanExtractor {

    private PlanExtractor() {
    }

    static Plan extract(CompiledProblem compiled, PickupPlan solved) {
        Map<String, String> hubOfVehicle = new HashMap<>();
        compiled.problem.vehicles().forEach(vehicle -> hubOfVehicle.put(vehicle.id(), vehicle.homeHubId()));
        List<Route> routes = new ArrayList<>();
        List<UnassignedParcel> unassigned = new ArrayList<>(compiled.rejected());
        List<HeldParcel> held = new ArrayList<>(compiled.heldBeforeSolving);
        List<Parcel> toCourier = new ArrayList<>();
        for (VehicleDay vehicleDay : solved.getVehicleDays()) {
            if (vehicleDay.isUnassignedBucket()) {
                for (PickupStop stop : vehicleDay.getStops()) {
                    addLeftOut(compiled, unassigned, held, toCourier, stop);
                }
                continue;
            }
            if (vehicleDay.getStops().isEmpty()) {
                continue;
            }
            List<RouteStop> stops = vehicleDay.getStops().stream().map(stop -> new RouteStop(stop.getProducerId(),
                    stop.getParcelIds(), compiled.toTime(stop.getArrivalTime()), compiled.toTime(stop.serviceStart()),
                    stop.getLoadWeight(), stop.getLoadVolume(), stop.isPinned() || stop.isDayPinned())).toList();
            long metres = vehicleDay.totalDistance();
            long milliFen = metres * vehicleDay.getCostPerDistance() + vehicleDay.getFixedCost()
                    + vehicleDay.timeCost();
            routes.add(new Route(vehicleDay.getId(), vehicleDay.getVehicleId(),
                    hubOfVehicle.get(vehicleDay.getVehicleId()),
                    compiled.problem.firstDay().plusDays(vehicleDay.getDay()),
                    compiled.toTime(vehicleDay.getDepartureTime()), compiled.toTime(vehicleDay.returnTime()), stops,
                    metres, Math.round(milliFen / 1000.0)));
        }
        // Stops not yet placed when solving stopped (only if it stopped during construction).
        Set<String> seen = new HashSet<>();
        routes.forEach(route -> route.stops().forEach(stop -> seen.addAll(stop.parcelIds())));
        unassigned.forEach(parcel -> seen.add(parcel.parcelId()));
        for (PickupStop stop : solved.getStops()) {
            if (stop.getVehicleDay() == null && !seen.containsAll(stop.getParcelIds())) {
                addLeftOut(compiled, unassigned, held, toCourier, stop);
            }
        }
        HardMediumSoftLongScore score = solved.getScore();
        long cost = routes.stream().mapToLong(Route::costFen).sum();
        PlanningSettings settings = compiled.problem.settings();
        long courierFen = toCourier.stream().mapToLong(parcel -> settings.pickupFeeFen(parcel.chilled())).sum();
        SavingsReport savings = Savings.report(compiled, routes, toCourier);
        return new Plan(score == null ? "uninitialized" : score.toString(),
                score != null && score.isSolutionInitialized() && score.hardScore() == 0, cost, List.copyOf(routes),
                List.copyOf(unassigned), List.copyOf(held), courierFen, savings);
    }

    /** A stop on no route: held (optional), left to the courier (priced), or with no room (must go). */
    private static void addLeftOut(CompiledProblem compiled, List<UnassignedParcel> unassigned, List<HeldParcel> held,
            List<Parcel> toCourier, PickupStop stop) {
        PlanningSettings settings = compiled.problem.settings();
        for (String parcelId : stop.getParcelIds()) {
            Parcel parcel = compiled.parcel(parcelId);
            if (stop.isOptional() && stop.getLeaveCost() >= 0) {
                int days = compiled.problem.days() - stop.getReadyDay();
                long fen = settings.holdingCostPerParcelDayFen() * days;
                long later = compiled.laterVisitFen(stop.getProducerId());
                held.add(new HeldParcel(parcelId, stop.getProducerId(), compiled.problem.lastCollectionDay(parcel),
                        "collecting it in this plan costs more than holding it for " + days + " day(s) at "
                                + yuan(settings.holdingCostPerParcelDayFen()) + " a day"
                                + (later > 0 ? " and fetching its farm later at an estimated " + yuan(later) : "")
                                + "; it can wait until " + compiled.problem.lastCollectionDay(parcel),
                        fen + later / stop.getParcelIds().size()));
            } else if (stop.getLeaveCost() >= 0) {
                toCourier.add(parcel);
                unassigned.add(new UnassignedParcel(parcelId, stop.getProducerId(), UnassignedReason.TO_COURIER,
                        "the per-parcel courier collects it for " + yuan(settings.pickupFeeFen(parcel.chilled()))
                                + ", less than a van would cost"));
            } else {
                unassigned.add(new UnassignedParcel(parcelId, stop.getProducerId(), UnassignedReason.NO_CAPACITY_LEFT,
                        "every rule can be met alone, but no vehicle-day had room for it next to the other stops"));
            }
        }
    }

    static String yuan(long fen) {
        return String.format(java.util.Locale.ROOT, "%.2f yuan", fen / 100.0);
    }
}
