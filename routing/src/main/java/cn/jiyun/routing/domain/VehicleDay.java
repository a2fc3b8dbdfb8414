package cn.jiyun.routing.domain;

import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * One vehicle on one day of the horizon: it leaves its hub at shift start, collects its stops in order and must be
 * back before the earlier of its shift end and the hub's trunk cut-off.
 *
 * <p>One extra vehicle-day per plan is the {@linkplain #isUnassignedBucket() unassigned bucket}: OptaPlanner 9.44's
 * list variable must hold every stop, so stops that cannot be served wait there, penalised at medium level.
 */
@PlanningEntity
public class VehicleDay {

    @PlanningId
    private String id;
    private String vehicleId;
    private int day;
    private int hubLocation;
    private long weightCapacity;
    private long volumeCapacity;
    private boolean refrigerated;
    /** Soft units per distance unit (milli-fen per metre = fen per km in pickup plans). */
    private long costPerDistance;
    /** Soft units per vehicle-day used (milli-fen in pickup plans). */
    private long fixedCost;
    /** Fen per hour on the road; converted to milli-fen per second in {@link #timeCost()}. */
    private long costPerHour;
    /** Absolute time (from horizon start) of the day's midnight: pickup windows are relative to it. */
    private long dayStart;
    /** Absolute time the vehicle may leave its hub. */
    private long departureTime;
    /** Absolute time by which it must be back: min(shift end, hub cut-off). */
    private long latestReturn;
    /** Absolute time of the hub's trunk departure this day: parcels collected now ship then. */
    private long trunkDeparture;
    private boolean unassignedBucket;
    private TravelTimes travel;

    @PlanningListVariable(valueRangeProviderRefs = "stopRange")
    private List<PickupStop> stops = new ArrayList<>();

    public VehicleDay() {
    }

    public static VehicleDay unassignedBucket() {
        VehicleDay bucket = new VehicleDay();
        bucket.id = "unassigned";
        bucket.vehicleId = "unassigned";
        bucket.unassignedBucket = true;
        bucket.day = -1;
        bucket.hubLocation = -1;
        return bucket;
    }

    public VehicleDay(String id, String vehicleId, int day, int hubLocation, long weightCapacity, long volumeCapacity,
            boolean refrigerated, long costPerDistance, long fixedCost, long costPerHour, long dayStart,
            long departureTime, long latestReturn, long trunkDeparture, TravelTimes travel) {
        this.id = id;
        this.vehicleId = vehicleId;
        this.day = day;
        this.hubLocation = hubLocation;
        this.weightCapacity = weightCapacity;
        this.volumeCapacity = volumeCapacity;
        this.refrigerated = refrigerated;
        this.costPerDistance = costPerDistance;
        this.fixedCost = fixedCost;
        this.costPerHour = costPerHour;
        this.dayStart = dayStart;
        this.departureTime = departureTime;
        this.latestReturn = latestReturn;
        this.trunkDeparture = trunkDeparture;
        this.travel = travel;
    }

    public boolean isUsed() {
        return !unassignedBucket && !stops.isEmpty();
    }

    public long totalWeight() {
        return stops.isEmpty() ? 0 : stops.get(stops.size() - 1).getLoadWeight();
    }

    public long totalVolume() {
        return stops.isEmpty() ? 0 : stops.get(stops.size() - 1).getLoadVolume();
    }

    public long weightExcess() {
        return Math.max(0, totalWeight() - weightCapacity);
    }

    public long volumeExcess() {
        return Math.max(0, totalVolume() - volumeCapacity);
    }

    /** Absolute time the vehicle is back at its hub (its departure time if it stays home). */
    public long returnTime() {
        if (stops.isEmpty()) {
            return departureTime;
        }
        PickupStop last = stops.get(stops.size() - 1);
        Long departure = last.departureTime();
        if (departure == null) {
            return departureTime;
        }
        return departure + travel.duration(last.getLocation(), hubLocation);
    }

    public long returnLateness() {
        return Math.max(0, returnTime() - latestReturn);
    }

    /** Sum over chilled stops of the time by which their parcels exceed the maximum ride to the hub. */
    public long chilledRideExcess() {
        long back = returnTime();
        long excess = 0;
        for (PickupStop stop : stops) {
            if (stop.isChilled() && stop.departureTime() != null) {
                excess += Math.max(0, back - stop.departureTime() - stop.getMaxRideTime());
            }
        }
        return excess;
    }

    public long totalDistance() {
        long distance = 0;
        int previous = hubLocation;
        for (PickupStop stop : stops) {
            distance += travel.distance(previous, stop.getLocation());
            previous = stop.getLocation();
        }
        return stops.isEmpty() ? 0 : distance + travel.distance(previous, hubLocation);
    }

    /** Time cost of the route in soft units (milli-fen): hours on the road times fen per hour. */
    public long timeCost() {
        if (costPerHour == 0 || stops.isEmpty()) {
            return 0;
        }
        return (returnTime() - departureTime) * costPerHour * 10 / 36;
    }

    public String getId() {
        return id;
    }

    public String getVehicleId() {
        return vehicleId;
    }

    public int getDay() {
        return day;
    }

    public int getHubLocation() {
        return hubLocation;
    }

    public long getWeightCapacity() {
        return weightCapacity;
    }

    public long getVolumeCapacity() {
        return volumeCapacity;
    }

    public boolean isRefrigerated() {
        return refrigerated;
    }

    public long getCostPerDistance() {
        return costPerDistance;
    }

    public long getFixedCost() {
        return fixedCost;
    }

    public long getCostPerHour() {
        return costPerHour;
    }

    public long getDayStart() {
        return dayStart;
    }

    public long getDepartureTime() {
        return departureTime;
    }

    public long getLatestReturn() {
        return latestReturn;
    }

    public long getTrunkDeparture() {
        return trunkDeparture;
    }

    public boolean isUnassignedBucket() {
        return unassignedBucket;
    }

    public TravelTimes getTravel() {
        return travel;
    }

    public List<PickupStop> getStops() {
        return stops;
    }

    public void setStops(List<PickupStop> stops) {
        this.stops = stops;
    }

    @Override
    public String toString() {
        return id;
    }
}
