package cn.jiyun.fulfillment.cooperatives;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

/** All cooperatives. */
public interface Cooperatives extends JpaRepository<Cooperative, Long> {

    @Query("select c.id from Cooperative c where c.suspendedAt is not null")
    List<Long> suspendedIds();

    boolean existsByIdAndSuspendedAtIsNotNull(Long id);
}
