package cn.jiyun.fulfillment.fleet.web;

import cn.jiyun.fulfillment.fleet.Vehicle;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalTime;

/** A vehicle as the API shows it. */
public record VehicleView(Long id, Long homeHubId, String name, String plate, int capacityKg, int capacityLitres,
                          boolean refrigerated, long costPerKmFen, long fixedCostPerDayFen,
                          @JsonFormat(pattern = "HH:mm") LocalTime shiftStart,
                          @JsonFormat(pattern = "HH:mm") LocalTime shiftEnd, Long driverUserId) {

    static VehicleView of(Vehicle v) {
        return new VehicleView(v.id(), v.homeHubId(), v.name(), v.plate(), v.capacityKg(), v.capacityLitres(),
                v.refrigerated(), v.costPerKmFen(), v.fixedCostPerDayFen(), v.shiftStart(), v.shiftEnd(), v.driverUserId());
    }
}
