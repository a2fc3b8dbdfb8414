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
                       String policy, boolean courierRemainder,
                       String score, Boolean feasible, Long cost, Double costYuan, Long baselineCost,
                       int parcels, List<RouteView> routes, List<UnassignedView> unassigned, List<HeldView> held,
                       Savings savings, String failure, Instant createdAt, Instant solvedAt, Instant approvedAt) {

    /**
     * A parcel the plan holds for a later plan: it stays AWAITING_PICKUP until {@code lastDay}, the last day whose
     * trunk still meets its ship-by deadline; {@code holdingCostFen} is what its wait was priced at.
     */
    public record HeldView(Long parcelId, Long producerId, LocalDate lastDay, String reason, long holdingCostFen) {
    }

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

    /**
     * The plan next to its two baselines, on the same travel matrix and costs, and (when it holds parcels) next to
     * collecting every parcel ready now: {@code collectingEverythingNow} is that plan's figures, and
     * {@code holdingSavesPerParcelYuan} how much less this plan costs a collected parcel (null when nothing is held).
     * {@code ambientPickupFeeFen} and {@code chilledPickupFeeFen} are the courier's fees the first baseline is priced at.
     */
    public record Savings(Figures plan, Figures perParcelPickup, Figures ownTrips,
                          double percentSavedVersusPerParcelPickup, double percentSavedVersusOwnTrips,
                          long ambientPickupFeeFen, long chilledPickupFeeFen, Figures collectingEverythingNow,
                          Double holdingSavesPerParcelYuan) {
    }

    /** One way of moving the parcels: km, vehicles, cost in fen and yuan, per parcel. */
    public record Figures(String name, double km, int vehicles, long costFen, double costYuan, int parcels,
                          double costPerParcelYuan) {
    }
}
