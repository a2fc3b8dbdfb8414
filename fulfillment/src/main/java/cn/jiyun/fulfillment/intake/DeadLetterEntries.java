package cn.jiyun.fulfillment.intake;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Every dead letter. */
public interface DeadLetterEntries extends JpaRepository<DeadLetterEntry, Long> {

    Page<DeadLetterEntry> findByCooperativeIdAndStatus(Long cooperativeId, DeadLetterEntry.Status status,
                                                       Pageable pageable);

    Page<DeadLetterEntry> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Optional<DeadLetterEntry> findByIdAndCooperativeId(Long id, Long cooperativeId);
}
