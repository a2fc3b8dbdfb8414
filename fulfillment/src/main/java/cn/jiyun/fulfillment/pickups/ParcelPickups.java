package cn.jiyun.fulfillment.pickups;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every route's parcel outcomes. */
interface ParcelPickups extends JpaRepository<ParcelPickup, Long> {

    List<ParcelPickup> findByRouteId(Long routeId);

    /** Parcels collected and not yet scanned in at the hub, the longest on the road first. */
    List<ParcelPickup> findTop200ByCooperativeIdAndOutcomeAndArrivedAtIsNullOrderByRecordedAtAscIdAsc(
            Long cooperativeId, PickupOutcome outcome);

    List<ParcelPickup> findByOrderIdIn(Collection<Long> orderIds);

    /** The parcel's collection, if it was collected: what the hub scans find. */
    Optional<ParcelPickup> findFirstByCooperativeIdAndParcelCodeAndOutcomeOrderByRecordedAtDesc(
            Long cooperativeId, String parcelCode, PickupOutcome outcome);
}
