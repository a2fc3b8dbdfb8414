package cn.jiyun.routing.solver;

import java.util.Comparator;
import java.util.List;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.TravelTimes;
import cn.jiyun.routing.domain.VehicleDay;

/**
 * Construction: puts each stop not yet on a route where it adds the least cost without breaking a hard rule, or in
 * the unassigned bucket when no route can take it; small problems are built in several stop orders and the best plan
 * kept. The insertions are {@link StringRemovalSearch}'s, in plain arithmetic on arrays (one place for the rules
 * outside the constraint streams), where OptaPlanner 9.44's own list construction scores every position of every
 * route through the constraint streams: for a thousand stops that took seconds, this takes a fraction of one. The
 * constraints still decide the score; this only chooses the start.
 */
public class CheapestInsertionPhase implements CustomPhaseCommand<PickupPlan> {

    private static final String STOPS = "stops";
    /** Up to this many stops to place, several orders are tried (each takes a few ms per hundred stops). */
    private static final int MULTI_START_MAX_STOPS = 400;

    @Override
    public void changeWorkingSolution(ScoreDirector<PickupPlan> director) {
        PickupPlan plan = director.getWorkingSolution();
        VehicleDay bucket = plan.unassignedBucket();
        List<VehicleDay> routes = plan.getVehicleDays().stream().filter(route -> !route.isUnassignedBucket())
                .toList();
        int[] hubs = routes.stream().mapToInt(VehicleDay::getHubLocation).distinct().toArray();
        // Vehicle-pinned stops are placed when the problem is compiled; any left over go to the built-in heuristic.
        List<PickupStop> unplaced = plan.getStops().stream()
                .filter(stop -> stop.getVehicleDay() == null && !stop.isPinned()).toList();
        if (unplaced.isEmpty()) {
            return;
        }
        // Greedy insertion depends much on the order of the stops, and no one order won on every generated day, so
        // small problems try several and keep the best; large ones (slower, and with time to improve) take one.
        List<Comparator<PickupStop>> orders = orders(plan.getTravel(), hubs);
        int tried = unplaced.size() <= MULTI_START_MAX_STOPS ? orders.size() : 1;
        StringRemovalSearch best = null;
        for (Comparator<PickupStop> order : orders.subList(0, tried)) {
            StringRemovalSearch candidate = new StringRemovalSearch(plan, 1);
            candidate.placeInOrder(unplaced.stream().sorted(order).toList());
            if (best == null || StringRemovalSearch.BEST_FIRST.compare(candidate, best) < 0) {
                best = candidate;
            }
        }
        List<List<PickupStop>> planned = best.bestRoutes();
        for (int r = 0; r < routes.size(); r++) {
            VehicleDay route = routes.get(r);
            List<PickupStop> stops = planned.get(r);
            // Stops already on the route kept their order and the new ones were spliced in: add those in order.
            for (int index = 0; index < stops.size(); index++) {
                PickupStop stop = stops.get(index);
                if (index < route.getStops().size() && route.getStops().get(index) == stop) {
                    continue;
                }
                assign(director, route, index, stop);
            }
        }
        for (PickupStop stop : best.bestUnassigned()) {
            if (stop.getVehicleDay() == null) {
                assign(director, bucket, bucket.getStops().size(), stop);
            }
        }
    }

    private static void assign(ScoreDirector<PickupPlan> director, VehicleDay route, int index, PickupStop stop) {
        director.beforeListVariableChanged(route, STOPS, index, index);
        director.beforeListVariableElementAssigned(route, STOPS, stop);
        route.getStops().add(index, stop);
        director.afterListVariableElementAssigned(route, STOPS, stop);
        director.afterListVariableChanged(route, STOPS, index, index + 1);
        director.triggerVariableListeners();
    }

    /**
     * Day-pinned stops and then chilled ones always first; then (a) the narrowest windows, the farthest from any hub
     * first, (b) the farthest first, (c) the narrowest windows, the nearest first.
     */
    private static List<Comparator<PickupStop>> orders(TravelTimes travel, int[] hubs) {
        Comparator<PickupStop> pinnedThenChilled = Comparator
                .<PickupStop, Boolean>comparing(stop -> !stop.isDayPinned()).thenComparing(stop -> !stop.isChilled());
        Comparator<PickupStop> window = Comparator.comparingLong(stop -> stop.getWindowClose() - stop.getWindowOpen());
        Comparator<PickupStop> farthest = Comparator.comparingLong(stop -> -nearestHubDistance(travel, hubs, stop));
        return List.of(pinnedThenChilled.thenComparing(window).thenComparing(farthest),
                pinnedThenChilled.thenComparing(farthest),
                pinnedThenChilled.thenComparing(window).thenComparing(farthest.reversed()))
                .stream().map(order -> order.thenComparing(PickupStop::getId)).toList();
    }

    private static long nearestHubDistance(TravelTimes travel, int[] hubs, PickupStop stop) {
        long nearest = Long.MAX_VALUE;
        for (int hub : hubs) {
            nearest = Math.min(nearest, travel.distance(hub, stop.getLocation()));
        }
        return nearest;
    }
}
