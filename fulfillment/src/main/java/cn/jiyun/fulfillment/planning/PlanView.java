package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.geo.Position;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as the API shows it. Money in fen with the yuan beside it; {@code baselineCost} is what the
 * same parcels would cost collected one by one at the rural pickup fee. While SOLVING, the routes
 * are the best found so far and have no ids yet.
 */
public record PlanView(Long id, PlanStatus status, List<Long> hubIds, LocalDate firstDay, int days, double seconds,
                       String score, Boolean feasible, Long cost, Double costYuan, Long baselineCost,
                       int parcels, List<RouteView> routes, List<UnassignedView> unassigned, Savings savings,
                       String failure, Instant createdAt, Instant solvedAt, Instant approvedAt) {

    /** One vehicle's route on one day. */
    public record RouteView(Long id, VehicleRef vehicle, Long hubId, LocalDate day, Instant departure,
                            Instant returnToHub, double km, long cost, double costYuan, int parcels,
                            long loadGrams, Long courierUserId, List<StopView> stops) {
    }

    /** The vehicle driving a route. */
    public record VehicleRef(Long id, String name, String plate, int capacityKg, boolean refrigerated) {
    }

    /** A stop: which producer, when, what is collected there, and the load after it. */
    public record StopView(ProducerRef producer, Instant arrival, Instant serviceStart, List<ParcelRef> parcels,
                           long loadGramsAfter, boolean pinned) {
    }

    /** The producer at a stop. */
    public record ProducerRef(Long id, String name, String phone, String address, Position location) {
    }

    /** A parcel collected at a stop. */
    public record ParcelRef(Long id, String code, Long orderId, int weightGrams, boolean chilled) {
    }

    /** A parcel the plan leaves out, and why. */
    public record UnassignedView(Long parcelId, Long producerId, String reason, String detail) {
    }

    /** The plan next to its two baselines, on the same travel matrix and costs. */
    public record Savings(Figures plan, Figures perParcelPickup, Figures ownTrips,
                          double percentSavedVersusPerParcelPickup, double percentSavedVersusOwnTrips) {
    }

    /** One way of moving the parcels: km, vehicles, cost in fen and yuan, per parcel. */
    public record Figures(String name, double km, int vehicles, long costFen, double costYuan, int parcels,
                          double costPerParcelYuan) {
    }
}
