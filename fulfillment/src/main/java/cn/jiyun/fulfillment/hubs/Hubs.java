package cn.jiyun.fulfillment.hubs;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/** The hubs of every cooperative; callers always say whose. */
public interface Hubs extends JpaRepository<Hub, Long> {

    Page<Hub> findByCooperativeId(Long cooperativeId, Pageable pageable);

    List<Hub> findByCooperativeIdOrderById(Long cooperativeId);

    Optional<Hub> findByIdAndCooperativeId(Long id, Long cooperativeId);
}
