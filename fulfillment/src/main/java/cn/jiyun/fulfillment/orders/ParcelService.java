package cn.jiyun.fulfillment.orders;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Answers what the planner and the board ask of the parcels orders were split into. */
@Service
@Transactional(readOnly = true)
public class ParcelService {

    private final Parcels parcels;

    ParcelService(Parcels parcels) {
        this.parcels = parcels;
    }

    /** The cooperative's parcels at these producers whose order awaits pickup, by parcel id. */
    public List<ParcelAwaitingPickup> awaitingPickup(Long cooperativeId, Collection<Long> producerIds) {
        return parcels.awaitingPickup(cooperativeId, producerIds);
    }

    /** The parcels of one order, whatever its status. */
    public List<ParcelAwaitingPickup> ofOrder(Long orderId) {
        return parcels.ofOrder(orderId);
    }

    /** Those of these parcels whose order still awaits pickup. */
    public List<Long> stillAwaitingPickup(Collection<Long> parcelIds) {
        return parcels.stillAwaitingPickup(parcelIds);
    }

    /** The producers' parcels of orders paid in [from, to), but for cancelled orders: the recent demand. */
    public List<ParcelAwaitingPickup> paidBetween(Long cooperativeId, Collection<Long> producerIds, Instant from,
                                                  Instant to) {
        return parcels.paidBetween(cooperativeId, producerIds, from, to);
    }

    /** The orders these parcels belong to. */
    public List<Long> orderIdsOf(Collection<Long> parcelIds) {
        return parcels.orderIdsOf(parcelIds);
    }

    /** These parcels; ids of no parcel are left out. */
    public List<Parcel> byIds(Collection<Long> parcelIds) {
        return parcels.findAllById(parcelIds);
    }
}
