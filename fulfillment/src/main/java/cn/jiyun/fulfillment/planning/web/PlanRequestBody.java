package cn.jiyun.fulfillment.planning.web;

import cn.jiyun.fulfillment.planning.PlanningService.Pin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What to plan: the hubs, how many days (1–3), how long to solve (seconds, fractions allowed from 0.5, e.g. 0.9
 * for a quick answer; default from configuration), and optionally the first day (default: today, or tomorrow after
 * noon), stops pinned to a vehicle, day and position, the dispatch policy ({@code greedy}, {@code lazy},
 * {@code holding}, {@code scenario}; default: the cooperative's) and whether a small remainder may go to the per-parcel
 * courier (default: the cooperative's setting).
 */
public record PlanRequestBody(@NotEmpty @Size(max = 20) List<@NotNull Long> hubIds,
                              @NotNull @Min(1) @Max(3) Integer days,
                              @DecimalMin("0.5") @DecimalMax("3600") BigDecimal seconds,
                              LocalDate firstDay,
                              @Size(max = 500) List<@NotNull Pin> pins,
                              @Size(max = 16) String policy,
                              Boolean courierRemainder) {
}
