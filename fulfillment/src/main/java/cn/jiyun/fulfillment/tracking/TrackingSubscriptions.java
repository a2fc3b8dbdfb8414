package cn.jiyun.fulfillment.tracking;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The waybills sent, or to be sent, to the tracking aggregator. */
public interface TrackingSubscriptions extends JpaRepository<TrackingSubscription, Long> {

    List<TrackingSubscription> findTop50ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(
            TrackingSubscription.Status status, Instant now);

    List<TrackingSubscription> findByWaybillNumber(String waybillNumber);

    Optional<TrackingSubscription> findByOrderId(Long orderId);

    Optional<TrackingSubscription> findByIdAndCooperativeId(Long id, Long cooperativeId);

    Page<TrackingSubscription> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Page<TrackingSubscription> findByCooperativeIdAndStatus(Long cooperativeId, TrackingSubscription.Status status,
                                                            Pageable pageable);

    /** Parcels not finished whose carrier has said nothing since {@code before}, and not yet reported. */
    List<TrackingSubscription> findTop200ByStatusNotAndStalledAtIsNullAndLastMovementAtBeforeOrderByLastMovementAt(
            TrackingSubscription.Status finished, Instant before);
}
