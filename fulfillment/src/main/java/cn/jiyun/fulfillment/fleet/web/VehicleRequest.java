package cn.jiyun.fulfillment.fleet.web;

import cn.jiyun.fulfillment.fleet.VehicleDetails;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;

/** A vehicle as a cooperative admin enters it; money in fen, times local HH:mm. */
public record VehicleRequest(
        @NotNull Long homeHubId,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 20) String plate,
        // from an electric tricycle to a 10 t truck
        @NotNull @Min(50) @Max(10_000) Integer capacityKg,
        @NotNull @Min(50) @Max(60_000) Integer capacityLitres,
        boolean refrigerated,
        @NotNull @Min(0) @Max(10_000) Long costPerKmFen,
        @NotNull @Min(0) @Max(1_000_000) Long fixedCostPerDayFen,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime shiftStart,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime shiftEnd,
        Long driverUserId) {

    VehicleDetails details() {
        return new VehicleDetails(homeHubId, name.strip(), plate.strip(), capacityKg, capacityLitres, refrigerated,
                costPerKmFen, fixedCostPerDayFen, shiftStart, shiftEnd, driverUserId);
    }
}
