package cn.jiyun.fulfillment.producers;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The producers of every cooperative; callers always say whose. */
public interface Producers extends JpaRepository<Producer, Long> {

    Page<Producer> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Page<Producer> findByCooperativeIdAndCountyCode(Long cooperativeId, String countyCode, Pageable pageable);

    Optional<Producer> findByIdAndCooperativeId(Long id, Long cooperativeId);

    List<Producer> findByCooperativeIdAndIdIn(Long cooperativeId, Collection<Long> ids);
}
