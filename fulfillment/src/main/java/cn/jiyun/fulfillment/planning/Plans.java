package cn.jiyun.fulfillment.planning;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/** Every cooperative's plans. */
public interface Plans extends JpaRepository<Plan, Long> {

    Optional<Plan> findByIdAndCooperativeId(Long id, Long cooperativeId);

    Page<Plan> findByCooperativeId(Long cooperativeId, Pageable pageable);

    List<Plan> findByStatus(PlanStatus status);
}
