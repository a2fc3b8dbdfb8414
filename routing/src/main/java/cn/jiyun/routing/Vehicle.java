package cn.jiyun.routing;

import java.time.LocalTime;

/**
 * A pickup vehicle based at {@code homeHubId}. Capacities in grams and millilitres, costs in fen; the shift is the
 * same every day of the horizon (Asia/Shanghai local time). {@code costPerHourFen} may be 0.
 */
public record Vehicle(String id, String homeHubId, long weightCapacityGrams, long volumeCapacityMillilitres,
        boolean refrigerated, long costPerKmFen, long fixedCostPerDayFen, long costPerHourFen, LocalTime shiftStart,
        LocalTime shiftEnd) {

    public Vehicle {
        Hub.require(id, "id");
        Hub.require(homeHubId, "homeHubId");
        Hub.require(shiftStart, "shiftStart");
        Hub.require(shiftEnd, "shiftEnd");
        if (weightCapacityGrams <= 0 || volumeCapacityMillilitres <= 0) {
            throw new IllegalArgumentException("vehicle " + id + " needs positive capacities");
        }
        if (costPerKmFen < 0 || fixedCostPerDayFen < 0 || costPerHourFen < 0) {
            throw new IllegalArgumentException("vehicle " + id + " has a negative cost");
        }
        if (!shiftEnd.isAfter(shiftStart)) {
            throw new IllegalArgumentException("vehicle " + id + " shift ends before it starts");
        }
    }
}
