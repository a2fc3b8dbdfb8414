package cn.jiyun.routing.solver;

import java.util.ArrayList;
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
 * kept. Each candidate position is checked by driving the route in plain arithmetic, where OptaPlanner 9.44's own
 * list construction scores every position of every route through the constraint streams: for a thousand stops that
 * took seconds, this takes a fraction of one. The constraints still decide the score; this only chooses the start.
 */
public class CheapestInsertionPhase implements CustomPhaseCommand<PickupPlan> {

    private static final String STOPS = "stops";
    private static final long INFEASIBLE = Long.MAX_VALUE;
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
        // Greedy insertion depends much on the order of the stops, and no one order won on every generated day, so
        // small problems try several and keep the best; large ones (slower, and with time to improve) take one.
        List<Comparator<PickupStop>> orders = orders(plan.getTravel(), hubs);
        int tried = unplaced.size() <= MULTI_START_MAX_STOPS ? orders.size() : 1;
        Construction best = null;
        for (Comparator<PickupStop> order : orders.subList(0, tried)) {
            Construction candidate = construct(routes, unplaced.stream().sorted(order).toList());
            if (best == null || candidate.isBetterThan(best)) {
                best = candidate;
            }
        }
        for (int r = 0; r < routes.size(); r++) {
            VehicleDay route = routes.get(r);
            List<PickupStop> planned = best.stops().get(r);
            // Stops already on the route kept their order and the new ones were spliced in: add those in order.
            for (int index = 0; index < planned.size(); index++) {
                PickupStop stop = planned.get(index);
                if (index < route.getStops().size() && route.getStops().get(index) == stop) {
                    continue;
                }
                assign(director, route, index, stop);
            }
        }
        for (PickupStop stop : best.leftOut()) {
            assign(director, bucket, bucket.getStops().size(), stop);
        }
    }

    /** Routes as lists (same order as the vehicle-days), the stops no route could take, and how good that is. */
    private record Construction(List<List<PickupStop>> stops, List<PickupStop> leftOut, long leftOutParcels,
            long cost) {

        boolean isBetterThan(Construction other) {
            return leftOutParcels != other.leftOutParcels ? leftOutParcels < other.leftOutParcels : cost < other.cost;
        }
    }

    /** Greedy insertion in the given order, on copies of the routes: the working plan is not touched. */
    private static Construction construct(List<VehicleDay> routes, List<PickupStop> ordered) {
        List<List<PickupStop>> stops = new ArrayList<>();
        long[] costs = new long[routes.size()];
        for (int r = 0; r < routes.size(); r++) {
            stops.add(new ArrayList<>(routes.get(r).getStops()));
            costs[r] = routeCost(routes.get(r), stops.get(r), null, -1);
        }
        List<PickupStop> leftOut = new ArrayList<>();
        long leftOutParcels = 0;
        for (PickupStop stop : ordered) {
            int target = -1;
            int targetIndex = -1;
            long cheapest = INFEASIBLE;
            long targetCost = INFEASIBLE;
            for (int r = 0; r < routes.size(); r++) {
                VehicleDay route = routes.get(r);
                if (costs[r] == INFEASIBLE || !mayCarry(route, stop)) {
                    continue;
                }
                for (int index = pinnedPrefix(stops.get(r)); index <= stops.get(r).size(); index++) {
                    long after = routeCost(route, stops.get(r), stop, index);
                    if (after != INFEASIBLE && after - costs[r] < cheapest) {
                        cheapest = after - costs[r];
                        target = r;
                        targetIndex = index;
                        targetCost = after;
                    }
                }
            }
            if (target < 0) {
                leftOut.add(stop);
                leftOutParcels += stop.parcelCount();
            } else {
                stops.get(target).add(targetIndex, stop);
                costs[target] = targetCost;
            }
        }
        long cost = 0;
        for (long routeCost : costs) {
            cost += routeCost == INFEASIBLE ? 0 : routeCost;
        }
        return new Construction(stops, leftOut, leftOutParcels, cost);
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

    /** The rules that depend on the vehicle-day alone, not on the order of its stops. */
    private static boolean mayCarry(VehicleDay route, PickupStop stop) {
        return route.getDay() >= stop.getReadyDay() && route.getTrunkDeparture() <= stop.getShipBy()
                && (!stop.isChilled() || route.isRefrigerated())
                && (!stop.isDayPinned() || route.getDay() == stop.getPinnedDay());
    }

    private static int pinnedPrefix(List<PickupStop> stops) {
        int count = 0;
        while (count < stops.size() && stops.get(count).isPinned()) {
            count++;
        }
        return count;
    }

    /**
     * The cost in soft units of {@code route} driving {@code stops} with {@code extra} inserted at {@code index}
     * (null: as they are), or
     * {@link #INFEASIBLE} when it would break a window, the return time, a capacity or a chilled ride.
     */
    static long routeCost(VehicleDay route, List<PickupStop> stops, PickupStop extra, int index) {
        int count = stops.size() + (extra == null ? 0 : 1);
        if (count == 0) {
            return 0;
        }
        TravelTimes travel = route.getTravel();
        long time = route.getDepartureTime();
        int from = route.getHubLocation();
        long distance = 0;
        long weight = 0;
        long volume = 0;
        long latestChilledReturn = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            PickupStop stop = extra == null || i < index ? stops.get(i) : i == index ? extra : stops.get(i - 1);
            distance += travel.distance(from, stop.getLocation());
            long start = Math.max(time + travel.duration(from, stop.getLocation()),
                    route.getDayStart() + stop.getWindowOpen());
            if (stop.getWindowClose() < PickupStop.NEVER && start > route.getDayStart() + stop.getWindowClose()) {
                return INFEASIBLE;
            }
            time = start + stop.getServiceTime();
            from = stop.getLocation();
            weight += stop.getWeight();
            volume += stop.getVolume();
            if (stop.isChilled()) {
                latestChilledReturn = Math.min(latestChilledReturn, time + stop.getMaxRideTime());
            }
        }
        distance += travel.distance(from, route.getHubLocation());
        long back = time + travel.duration(from, route.getHubLocation());
        if (back > route.getLatestReturn() || back > latestChilledReturn || weight > route.getWeightCapacity()
                || volume > route.getVolumeCapacity()) {
            return INFEASIBLE;
        }
        return distance * route.getCostPerDistance() + route.getFixedCost()
                + (back - route.getDepartureTime()) * route.getCostPerHour() * 10 / 36;
    }
}
