package cn.jiyun.routing.bench;

import java.util.ArrayList;
import java.util.List;

import cn.jiyun.routing.bench.BenchmarkInstance.Convention;
import cn.jiyun.routing.bench.BenchmarkInstance.Node;
import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.TravelTimes;
import cn.jiyun.routing.domain.VehicleDay;

/**
 * Maps a standard instance onto the planner's own model: one day, one hub (the depot), customers as pickup stops
 * with their demand as weight, cost = distance.
 */
public final class BenchmarkModel {

    /** Solomon distances are real numbers; the model counts them in units of 1/SCALE. */
    static final long SOLOMON_SCALE = 10_000;

    private BenchmarkModel() {
    }

    public static PickupPlan toPlan(BenchmarkInstance instance) {
        boolean solomon = instance.convention() == Convention.SOLOMON;
        long scale = solomon ? SOLOMON_SCALE : 1;
        int n = instance.nodes().size();
        long[][] distances = new long[n][n];
        long[][] durations = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = instance.distance(i, j) * scale;
                distances[i][j] = Math.round(d);
                // Rounding durations up keeps every schedule the solver calls on time on time in real numbers too.
                durations[i][j] = (long) Math.ceil(d - 1e-6);
            }
        }
        TravelTimes travel = new TravelTimes(distances, durations);
        List<PickupStop> stops = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            Node node = instance.nodes().get(i);
            PickupStop stop = new PickupStop(Integer.toString(node.id()), Integer.toString(node.id()), i,
                    List.of(Integer.toString(node.id())), node.demand(), 0).withTravel(travel);
            if (solomon) {
                stop.withWindow(Math.round(node.ready() * scale), Math.round(node.due() * scale),
                        Math.round(node.service() * scale));
            }
            stops.add(stop);
        }
        Node depot = instance.nodes().get(0);
        long departure = solomon ? Math.round(depot.ready() * scale) : 0;
        long latestReturn = solomon ? Math.round(depot.due() * scale) : PickupStop.NEVER;
        int fleet = solomon ? instance.vehicleCount() : unlimitedFleet(instance);
        List<VehicleDay> vehicleDays = new ArrayList<>();
        for (int v = 0; v < fleet; v++) {
            vehicleDays.add(new VehicleDay("v" + v, "v" + v, 0, 0, instance.capacity(), Long.MAX_VALUE / 4, false, 1,
                    0, 0, 0, departure, latestReturn, 0, travel));
        }
        vehicleDays.add(VehicleDay.unassignedBucket());
        return new PickupPlan(travel, vehicleDays, stops);
    }

    /**
     * "Unlimited" fleet: enough vehicles that capacity never binds (bin-packing slack above the lower bound), few
     * enough that the search is not drowned in empty routes.
     */
    static int unlimitedFleet(BenchmarkInstance instance) {
        int lowerBound = (int) Math.ceil((double) instance.totalDemand() / instance.capacity());
        return Math.max(lowerBound + 3, (int) Math.ceil(lowerBound * 1.15));
    }

    /** The routes of a solved plan as lists of node indices (depot excluded), empty routes left out. */
    public static List<List<Integer>> routes(PickupPlan plan) {
        List<List<Integer>> routes = new ArrayList<>();
        for (VehicleDay vehicleDay : plan.getVehicleDays()) {
            if (vehicleDay.isUnassignedBucket() || vehicleDay.getStops().isEmpty()) {
                continue;
            }
            routes.add(vehicleDay.getStops().stream().map(PickupStop::getLocation).toList());
        }
        return routes;
    }

    public static int unassignedCount(PickupPlan plan) {
        return plan.unassignedBucket().getStops().size();
    }
}
