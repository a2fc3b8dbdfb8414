package cn.jiyun.fulfillment.planning;

import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.travel.OsrmTableClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerWarmUpTest {

    private static PlanningProperties properties(URI osrmUrl) {
        return new PlanningProperties(30, 600, 60, Duration.ofHours(4), 500, 1200, 50, "scenario", 5, 14, Duration.ofSeconds(60), 0, 5, osrmUrl, true);
    }

    @Test
    void warmsUpOnAGeneratedProblemWithoutCallingTheRoadRoutingService() {
        // nothing listens there: had the warm-up asked the configured road-routing service, it would have failed
        URI nowhere = URI.create("http://127.0.0.1:9/osrm");
        try (PickupPlanner servicePlanner = new PickupPlanner(new OsrmTableClient(nowhere))) {
            Plan plan = new PlannerWarmUp(properties(nowhere), servicePlanner).solveOnce();

            assertThat(plan.routes()).isNotEmpty();
            assertThat(plan.feasible()).isTrue();
        }
    }
}
