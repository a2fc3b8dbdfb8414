package cn.jiyun.fulfillment.tracking;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Pushes for waybills no order has. */
public interface TrackingDeadLetters extends JpaRepository<TrackingDeadLetter, Long> {

    Optional<TrackingDeadLetter> findFirstByWaybillNumberAndCarrierCodeAndStatus(String waybillNumber,
                                                                                 String carrierCode,
                                                                                 TrackingDeadLetter.Status status);

    Page<TrackingDeadLetter> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Page<TrackingDeadLetter> findByCooperativeIdAndStatus(Long cooperativeId, TrackingDeadLetter.Status status,
                                                          Pageable pageable);

    Optional<TrackingDeadLetter> findByIdAndCooperativeId(Long id, Long cooperativeId);
}
