package cn.jiyun.fulfillment.planning;

import cn.jiyun.routing.dispatch.DispatchPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How Jiyun plans pickups.
 *
 * @param defaultSeconds          solving time when a request names none
 * @param maxSeconds              the longest a request may ask for
 * @param unimprovedSeconds       stop early once the best plan has not improved for this long
 * @param maxChilledRide          how long chilled parcels may ride to the hub
 * @param ruralPickupFeeFen       what a courier charges to collect one ambient parcel at a farm (baseline a)
 * @param chilledPickupFeeFen     what a cold-chain courier charges to collect one chilled parcel (baseline a)
 * @param holdingCostPerParcelDayFen the default price of one parcel's day of waiting (a cooperative may set its own)
 * @param policy                  the default dispatch policy (greedy, lazy, holding, scenario)
 * @param scenarioMinSeconds      a plan shorter than this cannot sample futures: the scenario policy gives way to
 *                                the planner's holding price
 * @param historyDays             days of orders the scenario policy samples tomorrow from
 * @param eveningCheckInterval    how often the service looks for a cooperative's evening plan that is due
 * @param ownTripCostPerKmFen     what a producer's own trip to the hub costs per km (baseline b; 0 = the fleet's mean)
 * @param stopServiceMinutes      minutes a courier spends at a stop
 * @param osrmUrl                 an OSRM-compatible table service for road distances; empty = great-circle estimate
 * @param warmUp                  solve a small generated problem once at start-up, so the first quick answer is warm
 */
@ConfigurationProperties("jiyun.planning")
public record PlanningProperties(@DefaultValue("30") int defaultSeconds, @DefaultValue("600") int maxSeconds,
                                 @DefaultValue("60") int unimprovedSeconds,
                                 @DefaultValue("4h") Duration maxChilledRide,
                                 @DefaultValue("500") long ruralPickupFeeFen,
                                 @DefaultValue("1200") long chilledPickupFeeFen,
                                 @DefaultValue("50") long holdingCostPerParcelDayFen,
                                 @DefaultValue("scenario") String policy,
                                 @DefaultValue("5") int scenarioMinSeconds,
                                 @DefaultValue("14") int historyDays,
                                 @DefaultValue("60s") Duration eveningCheckInterval,
                                 @DefaultValue("0") long ownTripCostPerKmFen,
                                 @DefaultValue("5") int stopServiceMinutes,
                                 URI osrmUrl,
                                 @DefaultValue("true") boolean warmUp) {

    public PlanningProperties {
        try {
            DispatchPolicy.of(policy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jiyun.planning.policy must be one of " + DispatchPolicy.keys()
                    + ", not '" + policy + "'");
        }
        if (holdingCostPerParcelDayFen < 0 || chilledPickupFeeFen < 0 || ruralPickupFeeFen < 0) {
            throw new IllegalArgumentException("jiyun.planning fees and the holding cost cannot be negative");
        }
        if (historyDays < 1) {
            throw new IllegalArgumentException("jiyun.planning.history-days must be at least 1");
        }
    }

    public DispatchPolicy defaultPolicy() {
        return DispatchPolicy.of(policy);
    }
}
