package cn.jiyun.routing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.SearchBudget;
import cn.jiyun.routing.domain.TravelTimes;
import cn.jiyun.routing.domain.VehicleDay;

/**
 * Ruin and recreate by string removals (Christiaens and Vanden Berghe's SISR, Transportation Science 2020) on a plain
 * array copy of the plan: each step takes strings of neighbouring stops out of a few nearby routes, puts them back
 * one by one at their cheapest feasible place (skipping a place now and then, "blinks"), and keeps the result by
 * simulated annealing. Every hard rule is checked in plain arithmetic, so the routes stay feasible throughout; what
 * no route can take waits in the unassigned bucket, which costs more than any distance for a stop that must go, and
 * its price for one that may be held or left to the courier (such a stop goes on a route only where that is cheaper).
 *
 * <p>Why outside the constraint streams: a step moves a dozen stops and tries each at every place of every route,
 * which plain arithmetic does several thousand times a second, where OptaPlanner 9.44 scores some fifteen thousand
 * single moves a second on a day of pickups. The constraints still score the result; this only searches.
 */
final class StringRemovalSearch {

    static final long INFEASIBLE = Long.MAX_VALUE;
    /** Mean number of stops a ruin removes (SISR's c̄). */
    private static final double MEAN_REMOVED = 10;
    /** Longest string removed from one route (SISR's L_max). */
    private static final int MAX_STRING = 10;
    /** Chance that a string keeps a block of stops in its middle (SISR's split string). */
    private static final double SPLIT_RATE = 0.5;
    /**
     * Chance of keeping one more stop in the block a split string keeps (SISR's β): the block is nearly always one
     * stop. Growing it with probability 1 - β instead (the block nearly the whole route) stuck c205 at 16.6% above
     * its best known solution at 60 s, against 1.2% this way at 10 s.
     */
    private static final double SPLIT_DEPTH = 0.01;
    /** Chance of passing over a place when recreating (SISR's blinks). */
    private static final double BLINK_RATE = 0.01;
    /** Chance that a ruin empties a whole route instead (when routes cost a fixed amount a day). */
    private static final double ROUTE_REMOVAL_RATE = 0.05;
    /** Neighbours remembered per stop, the candidates for the routes a ruin touches. */
    private static final int NEIGHBOURS = 64;
    /** Penalty per day-pinned stop left out, as the dayPinKept constraint counts it. */
    private static final long DAY_PIN_PENALTY = 1_000;
    /**
     * Steps without fewer stops left out after which minimising the fleet gives up on one route less: at least this
     * many, or this many per stop. A route that can go goes within a few hundred steps on a day of a hundred stops;
     * generated seed 8's fifth van went in five of six 0.9-s answers with 8,000 or more, one of two with 2,000.
     */
    private static final long FLEET_PATIENCE = 5_000;
    private static final long FLEET_PATIENCE_PER_STOP = 5;
    /**
     * Start and end temperature, as fractions of the mean cost of driving to a stop in the first plan. Tuning round 4
     * found 1 → 0.01 better than 0.3 → 0.003 at 10 s (1.12% against 1.88% over five instances); on generated
     * Ningxia days a minute at 0.3 → 0.003 often ended above a second's plan, stuck with a route structure it could
     * not leave (eight days: 21,284 yuan at 10 s, against 20,477 three times hotter still).
     */
    static final double START_TEMPERATURE = 1;
    static final double END_TEMPERATURE = 0.01;

    private final SplittableRandom random;
    private final TravelTimes travel;
    private final List<VehicleDay> vehicleDays;
    private final VehicleDay bucketRoute;
    private final PickupStop[] stops;
    /** Each stop's place in {@link #stops}. */
    private final Map<PickupStop, Integer> index;

    // stops
    private final int[] location;
    private final long[] weight;
    private final long[] volume;
    private final long[] open;
    private final long[] close;
    private final long[] service;
    private final long[] maxRide;
    private final boolean[] chilled;
    private final int[] readyDay;
    private final long[] shipBy;
    private final int[] dayPin;
    private final boolean[] pinned;
    private final int[] parcels;
    /** Soft cost of leaving the stop out (held, or to the courier); PickupStop.NO_LEAVE_COST: it must go. */
    private final long[] leaveCost;
    /** Soft cost of each day it waits after its ready day. */
    private final long[] waitPerDay;
    private final long[] hubDistance;
    /** Computed when first needed: a construction does without them. */
    private int[][] neighbours;

    // routes
    private final int routeCount;
    private final int[] hub;
    private final int[] day;
    private final long[] dayStart;
    private final long[] departure;
    private final long[] latestReturn;
    private final long[] trunk;
    private final long[] capacityWeight;
    private final long[] capacityVolume;
    private final boolean[] refrigerated;
    private final long[] costPerDistance;
    private final long[] fixedCost;
    private final long[] costPerHour;
    private final boolean[] frozen;
    private final int[] prefix;
    /** Routes alike in everything but identity share a class: one empty route per class is tried per stop. */
    private final int[] emptyClass;

    // working state
    private final int[][] work;
    private final int[] size;
    private final long[] cost;
    private final long[] loadWeight;
    private final long[] loadVolume;
    private final int[] chilledCount;
    private final long[][] leaveAt;
    private final long[][] latestArrival;
    private final int[] routeOf;
    private final int[] positionOf;
    private int[] bucket;
    private int bucketSize;
    private final int[] untouchable;
    private long soft;
    private long medium;
    private long hard;

    // accepted state
    private final int[][] current;
    private final int[] currentSize;
    private int[] currentBucket;
    private int currentBucketSize;
    private long currentSoft;
    private long currentMedium;
    private long currentHard;

    /** The best plan found so far. */
    private final Snapshot best;

    private final boolean[] dirty;
    private final int[] dirtyList;
    private int dirtyCount;
    private final int[] ruinStamp;
    private final int[] classStamp;
    private int stamp;
    private final int[] removed;
    private int removedCount;
    private long iterations;

    private final double startFactor;
    private final double endFactor;

    /** Whether recreating passes over a place now and then; a construction does not. */
    private boolean blinks = true;

    // fleet minimisation
    /** At most this many routes may carry stops; an empty route opens only below it. */
    private int routeCap = Integer.MAX_VALUE;
    /** While minimising the fleet, steps are judged by the stops left out and how often each was (SISR's). */
    private boolean fleetMode;
    /** How many accepted-or-not steps each stop spent left out, while minimising the fleet. */
    private long[] absences;

    StringRemovalSearch(PickupPlan plan, long seed) {
        this(plan, seed, START_TEMPERATURE, END_TEMPERATURE, null);
    }

    /**
     * Temperatures as fractions of the first plan's mean driving cost per stop; {@code neighbours} from another
     * search of the same plan ({@link #neighbourLists()}), or null to compute them.
     */
    StringRemovalSearch(PickupPlan plan, long seed, double startTemperature, double endTemperature,
            int[][] neighbours) {
        this.startFactor = startTemperature;
        this.endFactor = endTemperature;
        this.random = new SplittableRandom(seed);
        this.travel = plan.getTravel();
        this.vehicleDays = plan.getVehicleDays().stream().filter(route -> !route.isUnassignedBucket()).toList();
        this.bucketRoute = plan.unassignedBucket();
        this.stops = plan.getStops().toArray(PickupStop[]::new);
        int n = stops.length;
        index = new IdentityHashMap<>();
        location = new int[n];
        weight = new long[n];
        volume = new long[n];
        open = new long[n];
        close = new long[n];
        service = new long[n];
        maxRide = new long[n];
        chilled = new boolean[n];
        readyDay = new int[n];
        shipBy = new long[n];
        dayPin = new int[n];
        pinned = new boolean[n];
        parcels = new int[n];
        leaveCost = new long[n];
        waitPerDay = new long[n];
        for (int s = 0; s < n; s++) {
            PickupStop stop = stops[s];
            index.put(stop, s);
            location[s] = stop.getLocation();
            weight[s] = stop.getWeight();
            volume[s] = stop.getVolume();
            open[s] = stop.getWindowOpen();
            close[s] = stop.getWindowClose();
            service[s] = stop.getServiceTime();
            maxRide[s] = stop.getMaxRideTime();
            chilled[s] = stop.isChilled();
            readyDay[s] = stop.getReadyDay();
            shipBy[s] = stop.getShipBy();
            dayPin[s] = stop.getPinnedDay();
            pinned[s] = stop.isPinned();
            parcels[s] = stop.parcelCount();
            leaveCost[s] = stop.getLeaveCost();
            waitPerDay[s] = stop.getWaitCostPerDay();
        }

        routeCount = vehicleDays.size();
        int r = routeCount;
        hub = new int[r];
        day = new int[r];
        dayStart = new long[r];
        departure = new long[r];
        latestReturn = new long[r];
        trunk = new long[r];
        capacityWeight = new long[r];
        capacityVolume = new long[r];
        refrigerated = new boolean[r];
        costPerDistance = new long[r];
        fixedCost = new long[r];
        costPerHour = new long[r];
        frozen = new boolean[r];
        prefix = new int[r];
        emptyClass = new int[r];
        work = new int[r][];
        current = new int[r][];
        size = new int[r];
        currentSize = new int[r];
        cost = new long[r];
        loadWeight = new long[r];
        loadVolume = new long[r];
        chilledCount = new int[r];
        leaveAt = new long[r][];
        latestArrival = new long[r][];
        routeOf = new int[n];
        positionOf = new int[n];
        Arrays.fill(routeOf, -1);
        for (int v = 0; v < r; v++) {
            VehicleDay route = vehicleDays.get(v);
            hub[v] = route.getHubLocation();
            day[v] = route.getDay();
            dayStart[v] = route.getDayStart();
            departure[v] = route.getDepartureTime();
            latestReturn[v] = route.getLatestReturn();
            trunk[v] = route.getTrunkDeparture();
            capacityWeight[v] = route.getWeightCapacity();
            capacityVolume[v] = route.getVolumeCapacity();
            refrigerated[v] = route.isRefrigerated();
            costPerDistance[v] = route.getCostPerDistance();
            fixedCost[v] = route.getFixedCost();
            costPerHour[v] = route.getCostPerHour();
            List<PickupStop> onRoute = route.getStops();
            // Routes grow as needed: a big fleet over three days with thousands of stops must not cost
            // vehicle-days × stops of memory.
            int capacity = Math.min(n, Math.max(16, onRoute.size() * 2)) + 1;
            work[v] = new int[capacity];
            current[v] = new int[capacity];
            leaveAt[v] = new long[capacity];
            latestArrival[v] = new long[capacity + 1];
            for (PickupStop stop : onRoute) {
                int s = index.get(stop);
                work[v][size[v]++] = s;
                if (!mayCarry(v, s) || stop.isPinViolated()) {
                    frozen[v] = true;
                }
            }
            // Pinned stops are the route's fixed beginning: nothing up to the last of them moves.
            for (int i = 0; i < size[v]; i++) {
                if (pinned[work[v][i]]) {
                    prefix[v] = i + 1;
                }
            }
            refresh(v);
            if (cost[v] == INFEASIBLE) {
                // A route the plan already breaks a rule on (a person's pins, say) is left exactly as it is.
                frozen[v] = true;
            }
            emptyClass[v] = v;
            for (int w = 0; w < v; w++) {
                if (alike(w, v)) {
                    emptyClass[v] = emptyClass[w];
                    break;
                }
            }
        }
        bucket = new int[n];
        List<Integer> fixedInBucket = new ArrayList<>();
        for (PickupStop stop : bucketRoute.getStops()) {
            int s = index.get(stop);
            if (pinned[s]) {
                fixedInBucket.add(s);
            } else {
                bucket[bucketSize++] = s;
            }
        }
        untouchable = fixedInBucket.stream().mapToInt(Integer::intValue).toArray();
        for (int s : untouchable) {
            routeOf[s] = -1;
        }

        hubDistance = new long[n];
        int[] hubs = Arrays.stream(hub).distinct().toArray();
        for (int s = 0; s < n; s++) {
            long nearest = hubs.length == 0 ? 0 : Long.MAX_VALUE;
            for (int h : hubs) {
                nearest = Math.min(nearest, travel.distance(h, location[s]));
            }
            hubDistance[s] = nearest;
        }
        this.neighbours = neighbours;

        dirty = new boolean[r];
        dirtyList = new int[r];
        ruinStamp = new int[r];
        classStamp = new int[r];
        removed = new int[n];
        evaluate();
        for (int v = 0; v < r; v++) {
            System.arraycopy(work[v], 0, current[v], 0, size[v]);
            currentSize[v] = size[v];
        }
        currentBucket = Arrays.copyOf(bucket, n);
        currentBucketSize = bucketSize;
        currentSoft = soft;
        currentMedium = medium;
        currentHard = hard;
        best = new Snapshot();
    }

    /**
     * Searches until {@code endNanos}, the budget's stop request or its unimproved limit; the best plan found is then
     * {@link #bestRoutes()}.
     */
    void run(long endNanos, SearchBudget budget) {
        long startNanos = System.nanoTime();
        long lastImprovement = startNanos;
        int assigned = 0;
        long driving = 0;
        for (int v = 0; v < routeCount; v++) {
            if (size[v] > 0 && !frozen[v]) {
                assigned += size[v];
                driving += cost[v] - fixedCost[v];
            }
        }
        double meanStopCost = assigned == 0 ? 1 : Math.max(1, (double) driving / assigned);
        double startTemperature = startFactor * meanStopCost;
        double endTemperature = endFactor * meanStopCost;
        long span = Math.max(1, endNanos - startNanos);
        while (!timeUp(endNanos, budget)) {
            long now = System.nanoTime();
            if (budget.unimprovedNanos() > 0 && now - lastImprovement > budget.unimprovedNanos()) {
                break;
            }
            double progress = (double) (now - startNanos) / span;
            double temperature = startTemperature * Math.pow(endTemperature / startTemperature, progress);
            if (!step(temperature)) {
                break;
            }
            iterations++;
            if (keepIfBest()) {
                lastImprovement = now;
            }
        }
    }

    /**
     * The construction: puts each of {@code ordered} (stops on no route yet) at its cheapest feasible place, in that
     * order and without blinks, or leaves it out when no route can take it; the result is the best plan.
     */
    void placeInOrder(List<PickupStop> ordered) {
        blinks = false;
        dirtyCount = 0;
        for (PickupStop stop : ordered) {
            int s = index.get(stop);
            if (routeOf[s] != -1 || contains(bucket, bucketSize, s) || contains(untouchable, untouchable.length, s)) {
                throw new IllegalArgumentException("stop " + stop.getId() + " is placed already");
            }
            insert(s);
        }
        blinks = true;
        evaluate();
        accept();
        best.save();
    }

    private static boolean contains(int[] array, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (array[i] == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * SISR's fleet minimisation, before {@link #run}. First it places what it can (descending: fewer parcels left
     * out, then cheaper) until a while passes without fewer parcels left out. Then it empties the route with the
     * fewest stops, lets no more routes than are left carry stops, and ruins and recreates until the parcels left out
     * are no more than before (then the next route), judging steps by the stops left out and how often each has been.
     * It gives up on a route when a while passes without fewer stops left out, when the routes left could not hold
     * the load, or at {@code endNanos} (or the budget's stop), and leaves the plan with the fewest routes it reached;
     * {@link #run} goes on from there, free again to open a route where that is cheaper.
     *
     * <p>Why: a route costs a fixed amount a day, and a search that starts from five routes rarely empties one by
     * string removals, which take at most ten stops out at a time: quick answers and one-minute plans alike kept a
     * fifth van on generated days where four do (seeds 3 and 8).
     */
    void minimiseFleet(long endNanos, SearchBudget budget) {
        absences = new long[stops.length];
        long patience = Math.max(FLEET_PATIENCE, FLEET_PATIENCE_PER_STOP * stops.length);
        try {
            // First place what can be placed, with any number of routes: a greedy construction often leaves out
            // stops that fit, and a plan with fewer routes must leave out no more than this one.
            long fewestParcels = currentMedium;
            long lastProgress = iterations;
            while (currentMedium > 0 || currentHard > 0) {
                if (timeUp(endNanos, budget) || iterations - lastProgress > patience || !step(0)) {
                    break;
                }
                iterations++;
                if (currentMedium < fewestParcels) {
                    fewestParcels = currentMedium;
                    lastProgress = iterations;
                }
            }
            keepIfBest();
            long targetHard = currentHard;
            long targetMedium = currentMedium;
            Snapshot fewest = new Snapshot();
            while (true) {
                int v = routeToEmpty();
                if (v < 0) {
                    return;
                }
                routeCap = usedRoutes() - 1;
                stamp++;
                dirtyCount = 0;
                removedCount = 0;
                removeRange(v, 0, size[v], -1, 0);
                for (int i = 0; i < removedCount; i++) {
                    bucket[bucketSize++] = removed[i];
                    routeOf[removed[i]] = -1;
                }
                evaluate();
                accept();
                fleetMode = true;
                int fewestLeft = mustGoLeft(bucket, bucketSize);
                lastProgress = iterations;
                while (currentHard > targetHard || currentMedium > targetMedium) {
                    // given up when time is out, or when the stops left out have not become fewer for a while
                    if (timeUp(endNanos, budget) || iterations - lastProgress > patience || !step(0)) {
                        fewest.restore();
                        return;
                    }
                    iterations++;
                    int left = mustGoLeft(currentBucket, currentBucketSize);
                    if (left < fewestLeft) {
                        fewestLeft = left;
                        lastProgress = iterations;
                    }
                }
                fleetMode = false;
                fewest.save();
                keepIfBest();
            }
        } finally {
            fleetMode = false;
            routeCap = Integer.MAX_VALUE;
        }
    }

    /** The used route with the fewest stops that may be emptied (it costs a fixed amount, nothing pinned), or -1. */
    private int routeToEmpty() {
        int chosen = -1;
        for (int v = 0; v < routeCount; v++) {
            if (size[v] == 0 || frozen[v] || prefix[v] > 0 || fixedCost[v] == 0) {
                continue;
            }
            if (chosen < 0 || size[v] < size[chosen] || (size[v] == size[chosen] && random.nextBoolean())) {
                chosen = v;
            }
        }
        int used = usedRoutes();
        return used > 1 && used > fewestRoutesByCapacity() ? chosen : -1;
    }

    /** Fewer routes than this cannot hold the weight or the volume of the stops now on routes. */
    private int fewestRoutesByCapacity() {
        long totalWeight = 0;
        long totalVolume = 0;
        for (int v = 0; v < routeCount; v++) {
            totalWeight += loadWeight[v];
            totalVolume += loadVolume[v];
        }
        return Math.max(fewestHolding(capacityWeight, totalWeight), fewestHolding(capacityVolume, totalVolume));
    }

    private static int fewestHolding(long[] capacities, long total) {
        long[] largestFirst = capacities.clone();
        Arrays.sort(largestFirst);
        long held = 0;
        int count = 0;
        for (int i = largestFirst.length - 1; i >= 0 && held < total; i--) {
            held += largestFirst[i];
            count++;
        }
        return count;
    }

    /** Routes of the working plan that carry stops. */
    int usedRoutes() {
        int used = 0;
        for (int v = 0; v < routeCount; v++) {
            if (size[v] > 0) {
                used++;
            }
        }
        return used;
    }

    /** At {@code endNanos}, or once the budget's stop is requested (asked every 16 steps). */
    private boolean timeUp(long endNanos, SearchBudget budget) {
        return System.nanoTime() >= endNanos || ((iterations & 15) == 0 && budget.stopRequested().getAsBoolean());
    }

    /** Saves the working plan as the best when it is better (after a step it is the accepted one). */
    private boolean keepIfBest() {
        if (isBetter(soft, medium, hard, best.soft, best.medium, best.hard)) {
            best.save();
            return true;
        }
        return false;
    }

    /** A copy of the working plan and its score: the best so far, or one to go back to. */
    private final class Snapshot {
        private final int[][] routes = new int[routeCount][];
        private final int[] sizes = new int[routeCount];
        private final int[] left = new int[stops.length];
        private int leftCount;
        private long soft;
        private long medium;
        private long hard;

        Snapshot() {
            save();
        }

        void save() {
            for (int v = 0; v < routeCount; v++) {
                if (routes[v] == null || routes[v].length < size[v]) {
                    routes[v] = new int[work[v].length];
                }
                System.arraycopy(work[v], 0, routes[v], 0, size[v]);
                sizes[v] = size[v];
            }
            System.arraycopy(bucket, 0, left, 0, bucketSize);
            leftCount = bucketSize;
            soft = StringRemovalSearch.this.soft;
            medium = StringRemovalSearch.this.medium;
            hard = StringRemovalSearch.this.hard;
        }

        /** Makes the copy the working and the accepted plan. */
        void restore() {
            dirtyCount = 0;
            for (int v = 0; v < routeCount; v++) {
                while (work[v].length <= sizes[v]) {
                    grow(v);
                }
                System.arraycopy(routes[v], 0, work[v], 0, sizes[v]);
                size[v] = sizes[v];
                refresh(v);
                markDirty(v);
            }
            System.arraycopy(left, 0, bucket, 0, leftCount);
            bucketSize = leftCount;
            for (int i = 0; i < bucketSize; i++) {
                routeOf[bucket[i]] = -1;
            }
            evaluate();
            accept();
        }
    }

    long iterations() {
        return iterations;
    }

    /** The best routes found, in the plan's vehicle-day order, as stops; then the stops to leave unassigned. */
    List<List<PickupStop>> bestRoutes() {
        List<List<PickupStop>> routes = new ArrayList<>();
        for (int v = 0; v < routeCount; v++) {
            List<PickupStop> route = new ArrayList<>(best.sizes[v]);
            for (int i = 0; i < best.sizes[v]; i++) {
                route.add(stops[best.routes[v][i]]);
            }
            routes.add(route);
        }
        return routes;
    }

    List<PickupStop> bestUnassigned() {
        List<PickupStop> left = new ArrayList<>();
        for (int s : untouchable) {
            left.add(stops[s]);
        }
        for (int i = 0; i < best.leftCount; i++) {
            left.add(stops[best.left[i]]);
        }
        return left;
    }

    /** Fewest day pins broken, then fewest parcels left out, then cheapest. */
    static final Comparator<StringRemovalSearch> BEST_FIRST = Comparator
            .comparingLong((StringRemovalSearch search) -> search.best.hard)
            .thenComparingLong(search -> search.best.medium).thenComparingLong(search -> search.best.soft);

    /** Each stop's nearest stops, for another search of the same plan (read only: never changed). */
    int[][] neighbourLists() {
        if (neighbours == null) {
            neighbours = nearestStops();
        }
        return neighbours;
    }

    long bestSoft() {
        return best.soft;
    }

    long bestMedium() {
        return best.medium;
    }

    List<VehicleDay> vehicleDays() {
        return vehicleDays;
    }

    VehicleDay bucketRoute() {
        return bucketRoute;
    }

    // ---- one step ----

    /** Ruins, recreates and accepts or reverts; false when there is nothing to move at all. */
    private boolean step(double temperature) {
        stamp++;
        dirtyCount = 0;
        removedCount = 0;
        if (!ruin()) {
            return false;
        }
        recreate();
        evaluate();
        boolean accept;
        if (fleetMode) {
            // SISR's fleet minimisation: fewer stops left out, or ones left out less often so far; the stops that
            // keep falling out are the ones to make room for.
            // Stops that may be held or left to the courier at a price are not what a route less must make room for.
            int left = mustGoLeft(bucket, bucketSize);
            int currentLeft = mustGoLeft(currentBucket, currentBucketSize);
            accept = soft != INFEASIBLE && (hard < currentHard || hard == currentHard
                    && (left < currentLeft || left == currentLeft
                            && absenceSum(bucket, bucketSize) < absenceSum(currentBucket, currentBucketSize)));
            for (int i = 0; i < bucketSize; i++) {
                absences[bucket[i]]++;
            }
        } else {
            accept = isBetter(soft, medium, hard, currentSoft, currentMedium, currentHard)
                    || (medium == currentMedium && hard == currentHard
                            && soft < currentSoft - temperature * Math.log(random.nextDouble()));
        }
        if (accept) {
            accept();
        } else {
            revert();
        }
        return true;
    }

    /** The working plan becomes the accepted one (only its changed routes are copied). */
    private void accept() {
        for (int d = 0; d < dirtyCount; d++) {
            int v = dirtyList[d];
            if (current[v].length < work[v].length) {
                current[v] = new int[work[v].length];
            }
            System.arraycopy(work[v], 0, current[v], 0, size[v]);
            currentSize[v] = size[v];
            dirty[v] = false;
        }
        dirtyCount = 0;
        System.arraycopy(bucket, 0, currentBucket, 0, bucketSize);
        currentBucketSize = bucketSize;
        currentSoft = soft;
        currentMedium = medium;
        currentHard = hard;
    }

    /** The working plan goes back to the accepted one. */
    private void revert() {
        for (int d = 0; d < dirtyCount; d++) {
            int v = dirtyList[d];
            System.arraycopy(current[v], 0, work[v], 0, currentSize[v]);
            size[v] = currentSize[v];
            dirty[v] = false;
            refresh(v);
        }
        dirtyCount = 0;
        System.arraycopy(currentBucket, 0, bucket, 0, currentBucketSize);
        bucketSize = currentBucketSize;
        for (int i = 0; i < bucketSize; i++) {
            routeOf[bucket[i]] = -1;
        }
        soft = currentSoft;
        medium = currentMedium;
        hard = currentHard;
    }

    /** How often the must-go stops among {@code left} have been left out so far. */
    private long absenceSum(int[] left, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (leaveCost[left[i]] < 0) {
                sum += absences[left[i]];
            }
        }
        return sum;
    }

    /** The stops among {@code left} that must go (no price lets them stay out). */
    private int mustGoLeft(int[] left, int count) {
        int mustGo = 0;
        for (int i = 0; i < count; i++) {
            if (leaveCost[left[i]] < 0) {
                mustGo++;
            }
        }
        return mustGo;
    }

    private static boolean isBetter(long soft, long medium, long hard, long otherSoft, long otherMedium,
            long otherHard) {
        if (hard != otherHard) {
            return hard < otherHard;
        }
        if (medium != otherMedium) {
            return medium < otherMedium;
        }
        return soft < otherSoft;
    }

    private boolean ruin() {
        // While stops wait in the bucket, half the ruins clear room around one of them, as SISR does to empty a
        // route: the routes of its nearest neighbours that could carry it (a reefer for a chilled stop, the right
        // day) lose a string each.
        boolean forLeftOut = bucketSize > 0 && random.nextBoolean();
        int seed = forLeftOut ? bucket[random.nextInt(bucketSize)] : randomMovableStop();
        if (seed < 0) {
            // nothing on a route can move: only the bucket's stops may still find a place
            return bucketSize > 0;
        }
        if (random.nextDouble() < ROUTE_REMOVAL_RATE && removeSmallRoute()) {
            return true;
        }
        int movable = 0;
        int used = 0;
        for (int v = 0; v < routeCount; v++) {
            if (!frozen[v] && size[v] > prefix[v]) {
                movable += size[v] - prefix[v];
                used++;
            }
        }
        double maxString = Math.min(MAX_STRING, (double) movable / Math.max(1, used));
        double maxStrings = 4 * MEAN_REMOVED / (1 + maxString) - 1;
        int strings = (int) (1 + random.nextDouble() * Math.max(1, maxStrings));
        int ruined = 0;
        int[] nearest = neighbourLists()[seed];
        for (int k = -1; k < nearest.length && ruined < strings; k++) {
            int s = k < 0 ? seed : nearest[k];
            int v = routeOf[s];
            if (v < 0 || frozen[v] || ruinStamp[v] == stamp || positionOf[s] < prefix[v]
                    || (forLeftOut && !mayCarry(v, seed))) {
                continue;
            }
            ruinStamp[v] = stamp;
            ruined++;
            int free = size[v] - prefix[v];
            int longest = (int) Math.min(free, maxString);
            int length = 1 + random.nextInt(Math.max(1, longest));
            if (free > length && random.nextDouble() < SPLIT_RATE) {
                int kept = 1;
                while (length + kept < free && random.nextDouble() < SPLIT_DEPTH) {
                    kept++;
                }
                int start = stringStart(v, positionOf[s], length + kept);
                int keptFrom = start + random.nextInt(length + 1);
                removeRange(v, start, length + kept, keptFrom, kept);
            } else {
                removeRange(v, stringStart(v, positionOf[s], length), length, -1, 0);
            }
        }
        return true;
    }

    /**
     * Empties the smaller of two random used routes that cost a fixed amount per day, so that its stops try the
     * other routes: a vehicle saved is a step no string removal (at most ten stops) makes on a long route.
     */
    private boolean removeSmallRoute() {
        int first = randomUsedRoute();
        int second = randomUsedRoute();
        if (first < 0 || second < 0) {
            return false;
        }
        int v = size[second] - prefix[second] < size[first] - prefix[first] ? second : first;
        if (fixedCost[v] == 0 || prefix[v] > 0) {
            return false;
        }
        ruinStamp[v] = stamp;
        removeRange(v, 0, size[v], -1, 0);
        return true;
    }

    private int randomUsedRoute() {
        for (int attempt = 0; attempt < 16; attempt++) {
            int v = random.nextInt(routeCount);
            if (!frozen[v] && size[v] > prefix[v]) {
                return v;
            }
        }
        return -1;
    }

    private int randomMovableStop() {
        for (int attempt = 0; attempt < 32; attempt++) {
            int s = random.nextInt(stops.length);
            int v = routeOf[s];
            if (v >= 0 && !frozen[v] && positionOf[s] >= prefix[v]) {
                return s;
            }
        }
        List<Integer> movable = new ArrayList<>();
        for (int s = 0; s < stops.length; s++) {
            if (routeOf[s] >= 0 && !frozen[routeOf[s]] && positionOf[s] >= prefix[routeOf[s]]) {
                movable.add(s);
            }
        }
        return movable.isEmpty() ? -1 : movable.get(random.nextInt(movable.size()));
    }

    /** A random start for a string of {@code length} stops that contains {@code position}, after the pins. */
    private int stringStart(int v, int position, int length) {
        int lowest = Math.max(prefix[v], position - length + 1);
        int highest = Math.min(position, size[v] - length);
        return lowest + random.nextInt(highest - lowest + 1);
    }

    /** Removes {@code length} stops from {@code start}, except {@code kept} from {@code keptFrom}. */
    private void removeRange(int v, int start, int length, int keptFrom, int kept) {
        int[] route = work[v];
        int write = start;
        for (int i = start; i < start + length; i++) {
            if (i >= keptFrom && i < keptFrom + kept) {
                route[write++] = route[i];
            } else {
                removed[removedCount++] = route[i];
                routeOf[route[i]] = -2;
            }
        }
        for (int i = start + length; i < size[v]; i++) {
            route[write++] = route[i];
        }
        size[v] = write;
        markDirty(v);
        refresh(v);
    }

    private void recreate() {
        for (int i = 0; i < bucketSize; i++) {
            removed[removedCount++] = bucket[i];
        }
        bucketSize = 0;
        sortRemoved();
        for (int i = 0; i < removedCount; i++) {
            insert(removed[i]);
        }
    }


    /** SISR's orders: random 4 times in 11, heaviest first 4, farthest from the hub first 2, nearest first 1. */
    private void sortRemoved() {
        int pick = random.nextInt(11);
        if (pick < 4) {
            for (int i = removedCount - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = removed[i];
                removed[i] = removed[j];
                removed[j] = t;
            }
            return;
        }
        long[] keys = new long[removedCount];
        for (int i = 0; i < removedCount; i++) {
            int s = removed[i];
            long key = pick < 8 ? -weight[s] : pick < 10 ? -hubDistance[s] : hubDistance[s];
            keys[i] = key;
        }
        // insertion sort: a dozen stops
        for (int i = 1; i < removedCount; i++) {
            int s = removed[i];
            long key = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key) {
                keys[j + 1] = keys[j];
                removed[j + 1] = removed[j];
                j--;
            }
            keys[j + 1] = key;
            removed[j + 1] = s;
        }
    }

    private void insert(int s) {
        // A stop that may stay out at a price goes on a route only where that costs less.
        long cheapest = leaveCost[s] >= 0 ? leaveCost[s] : INFEASIBLE;
        int target = -1;
        int targetPosition = -1;
        int classes = ++stamp;
        boolean mayOpen = routeCap == Integer.MAX_VALUE || usedRoutes() < routeCap;
        for (int v = 0; v < routeCount; v++) {
            if (frozen[v] || !mayCarry(v, s) || loadWeight[v] + weight[s] > capacityWeight[v]
                    || loadVolume[v] + volume[s] > capacityVolume[v]) {
                continue;
            }
            if (size[v] == 0) {
                if (!mayOpen || classStamp[emptyClass[v]] == classes) {
                    continue;
                }
                classStamp[emptyClass[v]] = classes;
            }
            for (int p = prefix[v]; p <= size[v]; p++) {
                long delta = insertionDelta(v, s, p, cheapest);
                if (delta < cheapest && (!blinks || random.nextDouble() >= BLINK_RATE)) {
                    cheapest = delta;
                    target = v;
                    targetPosition = p;
                }
            }
        }
        if (target < 0) {
            bucket[bucketSize++] = s;
            routeOf[s] = -1;
            return;
        }
        int[] route = work[target];
        if (size[target] + 1 >= route.length) {
            grow(target);
            route = work[target];
        }
        System.arraycopy(route, targetPosition, route, targetPosition + 1, size[target] - targetPosition);
        route[targetPosition] = s;
        size[target]++;
        markDirty(target);
        refresh(target);
    }

    /** The added cost of {@code s} at {@code p} of route {@code v}, or INFEASIBLE; not below {@code bound}. */
    private long insertionDelta(int v, int s, int p, long bound) {
        int[] route = work[v];
        int n = size[v];
        int previous = p == 0 ? hub[v] : location[route[p - 1]];
        int next = p == n ? hub[v] : location[route[p]];
        int here = location[s];
        long distance = travel.distance(previous, here) + travel.distance(here, next) - travel.distance(previous, next);
        long lower = distance * costPerDistance[v] + (n == 0 ? fixedCost[v] : 0)
                + waitPerDay[s] * (day[v] - readyDay[s]);
        if (lower >= bound) {
            return INFEASIBLE;
        }
        long leave = p == 0 ? departure[v] : leaveAt[v][p - 1];
        long start = Math.max(leave + travel.duration(previous, here), dayStart[v] + open[s]);
        if (close[s] < PickupStop.NEVER && start > dayStart[v] + close[s]) {
            return INFEASIBLE;
        }
        if (start + service[s] + travel.duration(here, next) > latestArrival[v][p]) {
            return INFEASIBLE;
        }
        if (costPerHour[v] == 0 && chilledCount[v] == 0 && !chilled[s]) {
            return lower;
        }
        long after = routeCost(v, s, p);
        return after == INFEASIBLE ? INFEASIBLE : after - cost[v];
    }

    // ---- route bookkeeping ----

    /** Doubles the room of route {@code v}'s working arrays (never beyond every stop). */
    private void grow(int v) {
        int capacity = Math.min(stops.length, work[v].length * 2) + 1;
        work[v] = Arrays.copyOf(work[v], capacity);
        leaveAt[v] = new long[capacity];
        latestArrival[v] = new long[capacity + 1];
    }

    private void markDirty(int v) {
        if (!dirty[v]) {
            dirty[v] = true;
            dirtyList[dirtyCount++] = v;
        }
    }

    /** Recomputes the route's cost, load, schedule and slack, and its stops' places. */
    private void refresh(int v) {
        int[] route = work[v];
        int n = size[v];
        long w = 0;
        long vol = 0;
        int cold = 0;
        long time = departure[v];
        int from = hub[v];
        for (int i = 0; i < n; i++) {
            int s = route[i];
            routeOf[s] = v;
            positionOf[s] = i;
            w += weight[s];
            vol += volume[s];
            if (chilled[s]) {
                cold++;
            }
            long start = Math.max(time + travel.duration(from, location[s]), dayStart[v] + open[s]);
            time = start + service[s];
            leaveAt[v][i] = time;
            from = location[s];
        }
        long latest = latestReturn[v];
        latestArrival[v][n] = latest;
        int to = hub[v];
        for (int i = n - 1; i >= 0; i--) {
            int s = route[i];
            long closes = close[s] >= PickupStop.NEVER ? PickupStop.NEVER : dayStart[v] + close[s];
            latest = Math.min(closes, latest - travel.duration(location[s], to) - service[s]);
            latestArrival[v][i] = latest;
            to = location[s];
        }
        loadWeight[v] = w;
        loadVolume[v] = vol;
        chilledCount[v] = cold;
        cost[v] = routeCost(v, -1, -1);
    }

    /**
     * The route's cost in soft units with {@code extra} at {@code index} (-1: as it is), or INFEASIBLE when it breaks
     * a window, the return time, a capacity or a chilled ride; the same arithmetic as {@link CheapestInsertionPhase}.
     */
    private long routeCost(int v, int extra, int index) {
        int[] route = work[v];
        int count = size[v] + (extra < 0 ? 0 : 1);
        if (count == 0) {
            return 0;
        }
        long time = departure[v];
        int from = hub[v];
        long distance = 0;
        long w = 0;
        long vol = 0;
        long latestChilledReturn = Long.MAX_VALUE;
        long waiting = 0;
        for (int i = 0; i < count; i++) {
            int s = extra < 0 || i < index ? route[i] : i == index ? extra : route[i - 1];
            distance += travel.distance(from, location[s]);
            waiting += waitPerDay[s] * (day[v] - readyDay[s]);
            long start = Math.max(time + travel.duration(from, location[s]), dayStart[v] + open[s]);
            if (close[s] < PickupStop.NEVER && start > dayStart[v] + close[s]) {
                return INFEASIBLE;
            }
            time = start + service[s];
            from = location[s];
            w += weight[s];
            vol += volume[s];
            if (chilled[s]) {
                latestChilledReturn = Math.min(latestChilledReturn, time + maxRide[s]);
            }
        }
        distance += travel.distance(from, hub[v]);
        long back = time + travel.duration(from, hub[v]);
        if (back > latestReturn[v] || back > latestChilledReturn || w > capacityWeight[v]
                || vol > capacityVolume[v]) {
            return INFEASIBLE;
        }
        return distance * costPerDistance[v] + fixedCost[v] + (back - departure[v]) * costPerHour[v] * 10 / 36
                + waiting;
    }

    /** The rules that depend on the vehicle-day alone (as {@link CheapestInsertionPhase}). */
    private boolean mayCarry(int v, int s) {
        return day[v] >= readyDay[s] && trunk[v] <= shipBy[s] && (!chilled[s] || refrigerated[v])
                && (dayPin[s] < 0 || day[v] == dayPin[s]);
    }

    private boolean alike(int a, int b) {
        return hub[a] == hub[b] && day[a] == day[b] && dayStart[a] == dayStart[b] && departure[a] == departure[b]
                && latestReturn[a] == latestReturn[b] && trunk[a] == trunk[b]
                && capacityWeight[a] == capacityWeight[b] && capacityVolume[a] == capacityVolume[b]
                && refrigerated[a] == refrigerated[b] && costPerDistance[a] == costPerDistance[b]
                && fixedCost[a] == fixedCost[b] && costPerHour[a] == costPerHour[b];
    }

    private void evaluate() {
        long total = 0;
        for (int v = 0; v < routeCount; v++) {
            if (cost[v] != INFEASIBLE) {
                total += cost[v];
            } else if (!frozen[v]) {
                // Taking stops out can break a route where travel times break the triangle inequality (a
                // county's circuity differs from its neighbour's): such a step is never kept.
                soft = INFEASIBLE;
                medium = INFEASIBLE;
                hard = INFEASIBLE;
                return;
            }
        }
        long left = 0;
        long pins = 0;
        for (int i = 0; i < bucketSize; i++) {
            int s = bucket[i];
            if (leaveCost[s] >= 0) {
                total += leaveCost[s];
                continue;
            }
            left += parcels[s];
            if (dayPin[s] >= 0) {
                pins += DAY_PIN_PENALTY;
            }
        }
        soft = total;
        medium = left;
        hard = pins;
    }

    /** Each stop's nearest other stops by road, nearest first. */
    private int[][] nearestStops() {
        int n = stops.length;
        int k = Math.min(NEIGHBOURS, n - 1);
        int[][] result = new int[n][];
        long[] keys = new long[Math.max(0, n - 1)];
        for (int s = 0; s < n; s++) {
            int c = 0;
            for (int t = 0; t < n; t++) {
                if (t != s) {
                    keys[c++] = (Math.min(travel.distance(location[s], location[t]), 1L << 40) << 21) | t;
                }
            }
            Arrays.sort(keys, 0, c);
            result[s] = new int[k];
            for (int i = 0; i < k; i++) {
                result[s][i] = (int) (keys[i] & ((1 << 21) - 1));
            }
        }
        return result;
    }
}
