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
 * the unassigned bucket when no route can take it. Each candidate position is checked by driving the route in plain
 * arithmetic, where OptaPlanner 9.44's own list construction scores every position of every route through the
 * constraint streams: for a thousand stops that took seconds, this takes a fraction of one. The constraints still
 * decide the score; this only chooses the starting plan.
 */
public class CheapestInsertionPhase implements CustomPhaseCommand<PickupPlan> {

    private static final String STOPS = "stops";
    private static final long INFEASIBLE = Long.MAX_VALUE;

    @Override
    public void changeWorkingSolution(ScoreDirector<PickupPlan> director) {
        PickupPlan plan = director.getWorkingSolution();
        VehicleDay bucket = plan.unassignedBucket();
        List<VehicleDay> routes = plan.getVehicleDays().stream().filter(route -> !route.isUnassignedBucket())
                .toList();
        int[] hubs = routes.stream().mapToInt(VehicleDay::getHubLocation).distinct().toArray();
        // Vehicle-pinned stops are placed when the problem is compiled; any left over go to the built-in heuristic.
        List<PickupStop> unplaced = plan.getStops().stream()
                .filter(stop -> stop.getVehicleDay() == null && !stop.isPinned())
                .sorted(hardestFirst(plan.getTravel(), hubs)).toList();
        for (PickupStop stop : unplaced) {
            VehicleDay target = bucket;
            int targetIndex = bucket.getStops().size();
            long cheapest = INFEASIBLE;
            for (VehicleDay route : routes) {
                if (!mayCarry(route, stop)) {
                    continue;
                }
                long before = routeCost(route, null, -1);
                for (int index = pinnedPrefix(route); index <= route.getStops().size(); index++) {
                    long after = routeCost(route, stop, index);
                    if (after != INFEASIBLE && after - before < cheapest) {
                        cheapest = after - before;
                        target = route;
                        targetIndex = index;
                    }
                }
            }
            director.beforeListVariableChanged(target, STOPS, targetIndex, targetIndex);
            director.beforeListVariableElementAssigned(target, STOPS, stop);
            target.getStops().add(targetIndex, stop);
            director.afterListVariableElementAssigned(target, STOPS, stop);
            director.afterListVariableChanged(target, STOPS, targetIndex, targetIndex + 1);
            director.triggerVariableListeners();
        }
    }

    /** Day-pinned, then chilled, then the narrowest windows, then the farthest from any hub. */
    private static Comparator<PickupStop> hardestFirst(TravelTimes travel, int[] hubs) {
        Comparator<PickupStop> dayPinned = Comparator.comparing(stop -> !stop.isDayPinned());
        return dayPinned.thenComparing(stop -> !stop.isChilled())
                .thenComparingLong(stop -> stop.getWindowClose() - stop.getWindowOpen())
                .thenComparingLong(stop -> -nearestHubDistance(travel, hubs, stop))
                .thenComparing(PickupStop::getId);
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

    private static int pinnedPrefix(VehicleDay route) {
        int count = 0;
        while (count < route.getStops().size() && route.getStops().get(count).isPinned()) {
            count++;
        }
        return count;
    }

    /**
     * The route's cost in soft units with {@code extra} inserted at {@code index} (null: as it is), or
     * {@link #INFEASIBLE} when it would break a window, the return time, a capacity or a chilled ride.
     */
    static long routeCost(VehicleDay route, PickupStop extra, int index) {
        List<PickupStop> stops = route.getStops();
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
