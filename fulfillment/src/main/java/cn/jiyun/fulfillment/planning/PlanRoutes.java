package cn.jiyun.fulfillment.planning;

import org.springframework.data.jpa.repository.JpaRepository;

/** The routes of every plan. */
public interface PlanRoutes extends JpaRepository<PlanRoute, Long> {
}
