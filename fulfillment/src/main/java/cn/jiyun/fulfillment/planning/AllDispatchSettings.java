package cn.jiyun.fulfillment.planning;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;

/** The cooperatives' dispatch settings (a cooperative without a row plans with the configured defaults). */
interface AllDispatchSettings extends JpaRepository<DispatchSettings, Long> {

    @Query("SELECT s FROM DispatchSettings s WHERE s.eveningPlanAt IS NOT NULL")
    List<DispatchSettings> withEveningPlan();

    /** Claims the evening's plan: 1 for the one instance that moves the day forward, 0 for any other. */
    @Modifying
    @Query("""
            UPDATE DispatchSettings s SET s.lastEveningPlanOn = :today
            WHERE s.cooperativeId = :cooperativeId AND (s.lastEveningPlanOn IS NULL OR s.lastEveningPlanOn < :today)""")
    int claimEveningPlan(Long cooperativeId, LocalDate today);
}
