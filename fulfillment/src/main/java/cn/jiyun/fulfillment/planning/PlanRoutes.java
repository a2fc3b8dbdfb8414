package cn.jiyun.fulfillment.planning;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** The routes of every plan. */
public interface PlanRoutes extends JpaRepository<PlanRoute, Long> {

    List<PlanRoute> findByCourierUserIdOrderByDayDescIdAsc(Long courierUserId);
}
