package cn.jiyun.fulfillment.fleet;

import java.time.LocalTime;

/** What a vehicle is made of, as a request or the demo loader says it. */
public record VehicleDetails(Long homeHubId, String name, String plate, int capacityKg, int capacityLitres,
                             boolean refrigerated, long costPerKmFen, long fixedCostPerDayFen,
                             LocalTime shiftStart, LocalTime shiftEnd, Long driverUserId) {
}
