package cn.jiyun.fulfillment.orders;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

/** Parcels, as the planner and the couriers need them. */
public interface Parcels extends JpaRepository<Parcel, Long> {

    @Query("""
            SELECT new cn.jiyun.fulfillment.orders.ParcelAwaitingPickup(p.id, o.id, p.producerId, p.weightGrams,
                p.volumeMl, p.chilled, o.paidAt, o.shipBy)
            FROM Parcel p JOIN p.order o
            WHERE o.cooperativeId = :cooperativeId
              AND o.status = cn.jiyun.fulfillment.orders.OrderStatus.AWAITING_PICKUP
              AND p.producerId IN :producerIds
            ORDER BY p.id""")
    List<ParcelAwaitingPickup> awaitingPickup(Long cooperativeId, Collection<Long> producerIds);

    @Query("""
            SELECT new cn.jiyun.fulfillment.orders.ParcelAwaitingPickup(p.id, o.id, p.producerId, p.weightGrams,
                p.volumeMl, p.chilled, o.paidAt, o.shipBy)
            FROM Parcel p JOIN p.order o
            WHERE o.id = :orderId""")
    List<ParcelAwaitingPickup> ofOrder(Long orderId);

    @Query("""
            SELECT p.id FROM Parcel p JOIN p.order o
            WHERE p.id IN :parcelIds AND o.status = cn.jiyun.fulfillment.orders.OrderStatus.AWAITING_PICKUP""")
    List<Long> stillAwaitingPickup(Collection<Long> parcelIds);

    /**
     * The producers' parcels of orders paid in [from, to), whatever became of them since but a cancellation: the
     * recent demand the scenario dispatch policy samples tomorrow from.
     */
    @Query("""
            SELECT new cn.jiyun.fulfillment.orders.ParcelAwaitingPickup(p.id, o.id, p.producerId, p.weightGrams,
                p.volumeMl, p.chilled, o.paidAt, o.shipBy)
            FROM Parcel p JOIN p.order o
            WHERE o.cooperativeId = :cooperativeId
              AND o.status <> cn.jiyun.fulfillment.orders.OrderStatus.CANCELLED
              AND o.paidAt >= :from AND o.paidAt < :to
              AND p.producerId IN :producerIds""")
    List<ParcelAwaitingPickup> paidBetween(Long cooperativeId, Collection<Long> producerIds, java.time.Instant from,
                                           java.time.Instant to);

    @Query("SELECT DISTINCT p.order.id FROM Parcel p WHERE p.id IN :parcelIds")
    List<Long> orderIdsOf(Collection<Long> parcelIds);
}
