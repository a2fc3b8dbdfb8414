package cn.jiyun.routing;

import java.time.Duration;

/** A new best plan found while solving, with the figures a progress view shows. */
public record PlanProgress(String score, boolean feasible, long costFen, int unassignedParcels, Duration elapsed,
        Plan plan) {
}
