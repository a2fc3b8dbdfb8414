package cn.jiyun.fulfillment.producers;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The producers of every cooperative; callers always say whose. */
public interface Producers extends JpaRepository<Producer, Long> {

    Page<Producer> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Page<Producer> findByCooperativeIdAndCountyCode(Long cooperativeId, String countyCode, Pageable pageable);

    /** The cooperative's producers whose name or phone contains the text. */
    @Query("""
            SELECT p FROM Producer p
            WHERE p.cooperativeId = :cooperativeId
              AND (p.name LIKE CONCAT('%', :text, '%') OR p.phone LIKE CONCAT('%', :text, '%'))""")
    Page<Producer> search(Long cooperativeId, String text, Pageable pageable);

    Optional<Producer> findByIdAndCooperativeId(Long id, Long cooperativeId);

    List<Producer> findByCooperativeIdAndIdIn(Long cooperativeId, Collection<Long> ids);
}
