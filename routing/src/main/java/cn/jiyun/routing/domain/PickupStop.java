package cn.jiyun.routing.domain;

import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PiggybackShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

import cn.jiyun.routing.solver.ArrivalAndLoadListener;

/**
 * A visit to one producer to collect a group of its parcels that share a ready day, a deadline and the chilled flag.
 *
 * <p>A producer with parcels ready on different days has one stop per group; the solver may put them on the same
 * route, which is how parcels are held back and consolidated over time.
 */
@PlanningEntity
public class PickupStop {

    /** No deadline / no window end: far enough to never bind, small enough to never overflow. */
    public static final long NEVER = Long.MAX_VALUE / 4;
    /** A stop that must be collected: leaving it out costs a medium point per parcel. */
    public static final long NO_LEAVE_COST = -1;

    @PlanningId
    private String id;
    private String producerId;
    private int location;
    private List<String> parcelIds;
    private long weight;
    private long volume;
    private boolean chilled;
    private long maxRideTime = NEVER;
    private long serviceTime;
    /** Pickup window, relative to the visiting day's midnight. */
    private long windowOpen;
    private long windowClose = NEVER;
    /** First horizon day (0-based) on which all parcels of this stop are ready. */
    private int readyDay;
    /** Absolute time by which the parcels must have left on the trunk. */
    private long shipBy = NEVER;
    /** Id of the vehicle-day a person pinned this stop to (or that already visited it), else null. */
    private String pinnedVehicleDayId;
    /** Id of the stop that must precede a pinned stop; null means it must be the first stop. */
    private String pinnedPreviousStopId;
    /** Horizon day (0-based) a person pinned this stop to, any vehicle (a day pin); -1 when none. */
    private int pinnedDay = -1;
    /**
     * What leaving the stop out costs in soft units (milli-fen) instead of a medium point per parcel: holding an
     * optional stop past the horizon, or handing a stop that must go to the per-parcel courier; {@link #NO_LEAVE_COST}
     * when it must be collected.
     */
    private long leaveCost = NO_LEAVE_COST;
    /** Optional: its deadline lets it wait past the horizon, so leaving it out holds it for a later plan. */
    private boolean optional;
    /** What each day of waiting after its ready day costs (milli-fen): collected later in the horizon, or held. */
    private long waitCostPerDay;
    /** The plan's travel tables, for nearby selection (shared, never copied). */
    private TravelTimes travel;

    @InverseRelationShadowVariable(sourceVariableName = "stops")
    private VehicleDay vehicleDay;
    @PreviousElementShadowVariable(sourceVariableName = "stops")
    private PickupStop previousStop;
    @NextElementShadowVariable(sourceVariableName = "stops")
    private PickupStop nextStop;

    /** When the vehicle arrives (absolute); null in the unassigned bucket. */
    @ShadowVariable(variableListenerClass = ArrivalAndLoadListener.class, sourceVariableName = "vehicleDay")
    @ShadowVariable(variableListenerClass = ArrivalAndLoadListener.class, sourceVariableName = "previousStop")
    private Long arrivalTime;
    /** Weight on board after this pickup. */
    @PiggybackShadowVariable(shadowVariableName = "arrivalTime")
    private Long loadWeight;
    /** Volume on board after this pickup. */
    @PiggybackShadowVariable(shadowVariableName = "arrivalTime")
    private Long loadVolume;

    public PickupStop() {
    }

    public PickupStop(String id, String producerId, int location, List<String> parcelIds, long weight, long volume) {
        this.id = id;
        this.producerId = producerId;
        this.location = location;
        this.parcelIds = List.copyOf(parcelIds);
        this.weight = weight;
        this.volume = volume;
    }

    public PickupStop withWindow(long open, long close, long serviceTime) {
        this.windowOpen = open;
        this.windowClose = close;
        this.serviceTime = serviceTime;
        return this;
    }

    public PickupStop withChilled(long maxRideTime) {
        this.chilled = true;
        this.maxRideTime = maxRideTime;
        return this;
    }

    public PickupStop withDays(int readyDay, long shipBy) {
        this.readyDay = readyDay;
        this.shipBy = shipBy;
        return this;
    }

    public PickupStop withTravel(TravelTimes travel) {
        this.travel = travel;
        return this;
    }

    /** A person's pin makes the stop one that must be collected (never held, never left to the courier). */
    public PickupStop withPin(String vehicleDayId, String previousStopId) {
        this.pinnedVehicleDayId = vehicleDayId;
        this.pinnedPreviousStopId = previousStopId;
        mustGo();
        return this;
    }

    /** Pins the stop to a day of the horizon, leaving the vehicle and position to the solver; it must go then. */
    public PickupStop withDayPin(int day) {
        this.pinnedDay = day;
        mustGo();
        return this;
    }

    private void mustGo() {
        this.optional = false;
        this.leaveCost = NO_LEAVE_COST;
    }

    /** The stop may be held past the horizon at {@code holdCost}, or (not optional) left to the courier at it. */
    public PickupStop withLeaveCost(boolean optional, long holdCost) {
        this.optional = optional;
        this.leaveCost = holdCost;
        return this;
    }

    public PickupStop withWaitCost(long perDay) {
        this.waitCostPerDay = perDay;
        return this;
    }

    /** What its wait on its vehicle-day costs: the days after its ready day × the cost per day (0 unassigned). */
    public long waitCost() {
        return isAssigned() ? waitCostPerDay * Math.max(0, vehicleDay.getDay() - readyDay) : 0;
    }

    /** Left out at a price (held, or to the courier) rather than a medium point per parcel. */
    public boolean isLeftAtCost() {
        return isUnassigned() && leaveCost >= 0;
    }

    public boolean isOptional() {
        return optional;
    }

    public long getLeaveCost() {
        return leaveCost;
    }

    public long getWaitCostPerDay() {
        return waitCostPerDay;
    }

    public boolean isAssigned() {
        return vehicleDay != null && !vehicleDay.isUnassignedBucket();
    }

    public boolean isUnassigned() {
        return vehicleDay == null || vehicleDay.isUnassignedBucket();
    }

    public boolean isPinned() {
        return pinnedVehicleDayId != null;
    }

    /** True when a pinned stop is not on its pinned route right after its pinned predecessor. */
    public boolean isPinViolated() {
        if (!isPinned()) {
            return false;
        }
        if (vehicleDay == null || !pinnedVehicleDayId.equals(vehicleDay.getId())) {
            return true;
        }
        String previousId = previousStop == null ? null : previousStop.getId();
        return pinnedPreviousStopId == null ? previousId != null : !pinnedPreviousStopId.equals(previousId);
    }

    public boolean isDayPinned() {
        return pinnedDay >= 0;
    }

    /** True when a day-pinned stop is not on a route of its pinned day (left unassigned included). */
    public boolean isDayPinViolated() {
        return isDayPinned() && (!isAssigned() || vehicleDay.getDay() != pinnedDay);
    }

    /** When service starts: arrival, or the window opening if the vehicle is early. */
    public Long serviceStart() {
        if (arrivalTime == null) {
            return null;
        }
        return Math.max(arrivalTime, vehicleDay.getDayStart() + windowOpen);
    }

    public Long departureTime() {
        Long start = serviceStart();
        return start == null ? null : start + serviceTime;
    }

    /** How late service starts after the window closes (0 when on time or unassigned). */
    public long lateness() {
        Long start = serviceStart();
        if (start == null || windowClose >= NEVER) {
            return 0;
        }
        return Math.max(0, start - (vehicleDay.getDayStart() + windowClose));
    }

    /** Distance driven to reach this stop, plus the way back to the hub when it is the last one. */
    public long distanceContribution() {
        if (!isAssigned()) {
            return 0;
        }
        TravelTimes travel = vehicleDay.getTravel();
        int from = previousStop == null ? vehicleDay.getHubLocation() : previousStop.getLocation();
        long distance = travel.distance(from, location);
        if (nextStop == null) {
            distance += travel.distance(location, vehicleDay.getHubLocation());
        }
        return distance;
    }

    public int parcelCount() {
        return parcelIds.size();
    }

    public String getId() {
        return id;
    }

    public String getProducerId() {
        return producerId;
    }

    public int getLocation() {
        return location;
    }

    public List<String> getParcelIds() {
        return parcelIds;
    }

    public long getWeight() {
        return weight;
    }

    public long getVolume() {
        return volume;
    }

    public boolean isChilled() {
        return chilled;
    }

    public long getMaxRideTime() {
        return maxRideTime;
    }

    public long getServiceTime() {
        return serviceTime;
    }

    public long getWindowOpen() {
        return windowOpen;
    }

    public long getWindowClose() {
        return windowClose;
    }

    public int getReadyDay() {
        return readyDay;
    }

    public long getShipBy() {
        return shipBy;
    }

    public String getPinnedVehicleDayId() {
        return pinnedVehicleDayId;
    }

    public String getPinnedPreviousStopId() {
        return pinnedPreviousStopId;
    }

    public int getPinnedDay() {
        return pinnedDay;
    }

    public TravelTimes getTravel() {
        return travel;
    }

    public VehicleDay getVehicleDay() {
        return vehicleDay;
    }

    public void setVehicleDay(VehicleDay vehicleDay) {
        this.vehicleDay = vehicleDay;
    }

    public PickupStop getPreviousStop() {
        return previousStop;
    }

    public void setPreviousStop(PickupStop previousStop) {
        this.previousStop = previousStop;
    }

    public PickupStop getNextStop() {
        return nextStop;
    }

    public void setNextStop(PickupStop nextStop) {
        this.nextStop = nextStop;
    }

    public Long getArrivalTime() {
        return arrivalTime;
    }

    public void setArrivalTime(Long arrivalTime) {
        this.arrivalTime = arrivalTime;
    }

    /** Weight on board after this pickup; 0 when unassigned. */
    public long getLoadWeight() {
        return loadWeight == null ? 0 : loadWeight;
    }

    public void setLoadWeight(Long loadWeight) {
        this.loadWeight = loadWeight;
    }

    /** Volume on board after this pickup; 0 when unassigned. */
    public long getLoadVolume() {
        return loadVolume == null ? 0 : loadVolume;
    }

    public void setLoadVolume(Long loadVolume) {
        this.loadVolume = loadVolume;
    }

    @Override
    public String toString() {
        return id;
    }
}
