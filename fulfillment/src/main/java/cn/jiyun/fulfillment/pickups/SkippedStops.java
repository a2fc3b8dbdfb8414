package cn.jiyun.fulfillment.pickups;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stops skipped on every route. */
interface SkippedStops extends JpaRepository<SkippedStop, Long> {

    List<SkippedStop> findByRouteId(Long routeId);

    List<SkippedStop> findByRouteIdIn(Collection<Long> routeIds);

    Optional<SkippedStop> findByRouteIdAndStopSequence(Long routeId, int stopSequence);
}
