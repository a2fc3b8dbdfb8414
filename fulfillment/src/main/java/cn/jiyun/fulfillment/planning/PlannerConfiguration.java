package cn.jiyun.fulfillment.planning;

import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.travel.CachingMatrixSource;
import cn.jiyun.routing.travel.GreatCircleMatrixSource;
import cn.jiyun.routing.travel.OsrmTableClient;
import cn.jiyun.routing.travel.TravelMatrixSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The planner the service uses: road distances from an OSRM-compatible table service when one is
 * configured, else great-circle distance times the rural circuity factor; matrices cached.
 */
@Configuration
class PlannerConfiguration {

    @Bean(destroyMethod = "close")
    PickupPlanner pickupPlanner(PlanningProperties properties) {
        TravelMatrixSource source = properties.osrmUrl() == null
                ? new GreatCircleMatrixSource()
                : new OsrmTableClient(properties.osrmUrl());
        return new PickupPlanner(new CachingMatrixSource(source, 8));
    }
}
