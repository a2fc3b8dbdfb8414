package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.ningxia.NingxiaInstance;
import cn.jiyun.routing.travel.GreatCircleMatrixSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Solves one small generated problem in the background once the service is up, so that the first
 * "can you collect from me today?" a person asks is answered by a warm JVM: routing measured a 0.9-s
 * answer taking 2.7 s cold. The problem is generated (never the cooperative's data) and its distances
 * are great-circle estimates, so no road-routing service is called for it.
 */
@Component
class PlannerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PlannerWarmUp.class);

    private final PlanningProperties properties;
    private final PickupPlanner servicePlanner;

    PlannerWarmUp(PlanningProperties properties, PickupPlanner servicePlanner) {
        this.properties = properties;
        this.servicePlanner = servicePlanner;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!properties.warmUp()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                solveOnce();
            } catch (RuntimeException e) {
                log.warn("Planner warm-up failed; the first plan may take longer", e);
            }
        }, "planner-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Solves the generated problem for up to 5 s (low priority, beside whatever else is starting); returns its plan. */
    Plan solveOnce() {
        long started = System.nanoTime();
        PlanningProblem problem = NingxiaInstance.generate(1, 80, 4, 1, 1,
                LocalDate.now(ChinaTime.ZONE).plusDays(1));
        // the service's own planner when its distances are great-circle estimates; a separate one otherwise
        PickupPlanner separate = properties.osrmUrl() == null ? null : new PickupPlanner(new GreatCircleMatrixSource());
        try {
            Plan plan = (separate == null ? servicePlanner : separate).solve(problem, Duration.ofSeconds(5));
            log.info("Planner warmed up in {} ms on a generated one-hub day of {} producers ({} routes, {} parcels "
                            + "left out)", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    problem.producers().size(), plan.routes().size(), plan.unassigned().size());
            return plan;
        } finally {
            if (separate != null) {
                separate.close();
            }
        }
    }
}
