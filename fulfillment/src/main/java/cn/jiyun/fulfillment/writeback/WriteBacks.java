package cn.jiyun.fulfillment.writeback;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The write-back queue. */
public interface WriteBacks extends JpaRepository<WriteBack, Long> {

    List<WriteBack> findTop50ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(WriteBack.Status status,
                                                                                      Instant now);

    Page<WriteBack> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Page<WriteBack> findByCooperativeIdAndStatus(Long cooperativeId, WriteBack.Status status, Pageable pageable);

    Optional<WriteBack> findByIdAndCooperativeId(Long id, Long cooperativeId);

    Optional<WriteBack> findByOrderId(Long orderId);
}
