package cn.jiyun.fulfillment.planning;

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
 * @param ruralPickupFeeFen       what a courier charges to collect one parcel at a farm (baseline a)
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
                                 @DefaultValue("0") long ownTripCostPerKmFen,
                                 @DefaultValue("5") int stopServiceMinutes,
                                 URI osrmUrl,
                                 @DefaultValue("true") boolean warmUp) {
}
