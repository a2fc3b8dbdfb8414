package cn.jiyun.fulfillment.planning;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * When an approved plan will collect some parcels: the day and the courier's planned arrival at
 * each stop that takes one of them, for the sellers' and buyers' timelines.
 */
@Service
public class ScheduledPickups {

    /** A stop of an approved route that collects some of the parcels asked about. */
    public record ScheduledPickup(Long routeId, LocalDate day, Instant arrival, List<Long> parcelIds) {
        public ScheduledPickup {
            parcelIds = List.copyOf(parcelIds);
        }
    }

    private final PlanRoutes routes;
    private final PlanResults results;

    ScheduledPickups(PlanRoutes routes, PlanResults results) {
        this.routes = routes;
        this.results = results;
    }

    /**
     * The stops that collect the parcels, earliest first, in the plan whose approval made their order
     * PLANNED at {@code plannedAt}: that plan was made before and approved after that moment.
     */
    @Transactional(readOnly = true)
    public List<ScheduledPickup> of(Long cooperativeId, Collection<Long> parcelIds, Instant plannedAt) {
        Set<Long> wanted = Set.copyOf(parcelIds);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<PlanRoute> candidates = routes.approvedAround(cooperativeId, plannedAt);
        // plans made and approved at overlapping moments are rare; the first approved one planned the order
        for (Long planId : candidates.stream().map(r -> r.plan().id()).distinct().toList()) {
            List<ScheduledPickup> found = new ArrayList<>();
            candidates.stream().filter(r -> r.plan().id().equals(planId)).forEach(route ->
                    results.stops(route).forEach(stop -> {
                        List<Long> taken = stop.parcelIds().stream().filter(wanted::contains).toList();
                        if (!taken.isEmpty()) {
                            found.add(new ScheduledPickup(route.id(), route.day(), stop.arrival(), taken));
                        }
                    }));
            if (!found.isEmpty()) {
                found.sort(Comparator.comparing(ScheduledPickup::arrival));
                return List.copyOf(found);
            }
        }
        return List.of();
    }
}
