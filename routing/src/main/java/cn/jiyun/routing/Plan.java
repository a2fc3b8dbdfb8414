package cn.jiyun.routing;

import java.util.List;

/**
 * The planner's answer: routes per vehicle-day, parcels left out with reasons, the score ("hard/medium/soft",
 * soft in milli-fen), the cost in fen and the savings report. {@code feasible} means no hard rule is broken.
 */
public record Plan(String score, boolean feasible, long costFen, List<Route> routes, List<UnassignedParcel> unassigned,
        SavingsReport savings) {

    public int parcelCount() {
        return routes.stream().mapToInt(Route::parcelCount).sum();
    }

    public double km() {
        return routes.stream().mapToLong(Route::metres).sum() / 1000.0;
    }
}
