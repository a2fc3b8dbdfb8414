package cn.jiyun.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The planner's answer: routes per vehicle-day, parcels left out with reasons, parcels held for a later plan, the
 * score ("hard/medium/soft", soft in milli-fen), the vans' cost in fen, what the per-parcel courier is paid for the
 * parcels left to it ({@code courierFen}) and the savings report. {@code feasible} means no hard rule is broken.
 */
public record Plan(String score, boolean feasible, long costFen, List<Route> routes, List<UnassignedParcel> unassigned,
        List<HeldParcel> held, long courierFen, SavingsReport savings) {

    public int parcelCount() {
        return routes.stream().mapToInt(Route::parcelCount).sum();
    }

    public double km() {
        return routes.stream().mapToLong(Route::metres).sum() / 1000.0;
    }

    /** This plan with {@code more} held parcels (decided before solving, by a dispatch policy) listed first. */
    public Plan withHeld(List<HeldParcel> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<HeldParcel> all = new ArrayList<>(more);
        all.addAll(held);
        return new Plan(score, feasible, costFen, routes, unassigned, List.copyOf(all), courierFen, savings);
    }
}
