package cn.jiyun.fulfillment.board;

import cn.jiyun.fulfillment.planning.PlanStatus;
import cn.jiyun.fulfillment.planning.PlanView;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A plan as the board shows it: each route with its colour, its path on the map's datum and its stops; times
 * in Asia/Shanghai, weights in kg, money in yuan. Routes of a plan still solving have no ids.
 */
public record BoardPlan(Long id, PlanStatus status, List<String> hubNames, List<Long> hubIds, LocalDate firstDay,
                        int days, int seconds, String score, Boolean feasible, Double costYuan, Double baselineYuan,
                        int parcels, List<Route> routes, List<Unassigned> unassigned, PlanView.Savings savings,
                        String failure, String policy, boolean courierRemainder, List<Held> held) {

    /**
     * True when the collected parcels cost more each than the per-parcel courier would charge: the page then says
     * why (too few parcels to justify a van) and what to do.
     */
    public boolean dearerThanTheCourier() {
        return savings != null && savings.plan().parcels() > 0
                && savings.plan().costPerParcelYuan() > savings.perParcelPickup().costPerParcelYuan();
    }

    /** A parcel held for a later plan: it waits until {@code lastDay}, for the reason given. */
    public record Held(Long parcelId, Long producerId, String producer, LocalDate lastDay, String reason) {
    }

    public boolean solving() {
        return status == PlanStatus.SOLVING;
    }

    /** One vehicle's route on one day; {@code colour} picks its colour on the map and in the tables. */
    public record Route(Long id, int colour, Long vehicleId, String vehicle, String plate, String hub, LocalDate day,
                        LocalTime departure, LocalTime returnToHub, double km, double costYuan, double loadKg,
                        int capacityKg, int loadPercent, int parcels, Long courierUserId, List<MapPoint> path,
                        List<Stop> stops) {
    }

    /** A stop in route order: who, where, when, what is collected and the load after it. */
    public record Stop(int seq, Long producerId, String producer, MapPoint point, LocalTime arrival, int parcels,
                       double kg, double loadKgAfter, boolean pinned) {
    }

    /** A parcel the plan leaves out, with the planner's reason. */
    public record Unassigned(Long parcelId, Long producerId, String producer, String reason, String detail) {
    }
}
