package cn.jiyun.fulfillment.planning;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

/** The routes of every plan. */
public interface PlanRoutes extends JpaRepository<PlanRoute, Long> {

    List<PlanRoute> findByCourierUserIdOrderByDayDescIdAsc(Long courierUserId);

    /** Routes of the cooperative's plans that were being made or approved at that moment, first approved first. */
    @Query("""
            SELECT r FROM PlanRoute r JOIN r.plan p
            WHERE p.cooperativeId = :cooperativeId
              AND p.status = cn.jiyun.fulfillment.planning.PlanStatus.APPROVED
              AND p.createdAt <= :at AND p.approvedAt >= :at
            ORDER BY p.approvedAt, r.seq""")
    List<PlanRoute> approvedAround(Long cooperativeId, Instant at);
}
