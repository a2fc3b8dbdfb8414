package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.ewaybills.EWaybillDesk;
import cn.jiyun.fulfillment.ewaybills.OrderEWaybill;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.integrations.Carrier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The county hub's scans, within the user's cooperative: parcels arriving off the vans (an order is
 * AT_HUB once every parcel collected for it is in), and orders handed to the express carrier under
 * a waybill, which queues the waybill's write-back to the order's platform. Repeated scans change nothing.
 */
@Service
@Transactional
public class HubScans {

    /** Express waybill numbers are letters and digits (SF, JD and the like start with letters). */
    static final Pattern WAYBILL = Pattern.compile("[A-Z0-9]{6,40}");

    private final ParcelPickups pickups;
    private final OrderService orders;
    private final RequestOnce once;
    private final Refusal.Refusals refusals;
    private final EWaybillDesk ewaybills;
    private final Clock clock;

    /** A parcel collected at a stop and not yet scanned in at its hub. */
    public record OnTheWay(String code, Long routeId, int stop, Instant collectedAt, String collectedBy) {
    }

    /** What the vans carry towards the hubs: collected, not yet scanned in (at most 200, the oldest first). */
    @Transactional(readOnly = true)
    public List<OnTheWay> onTheWay(JiyunUser user) {
        return pickups.findTop200ByCooperativeIdAndOutcomeAndArrivedAtIsNullOrderByRecordedAtAscIdAsc(
                        user.cooperativeId(), PickupOutcome.COLLECTED).stream()
                .map(p -> new OnTheWay(p.parcelCode(), p.routeId(), p.stopSequence(), p.recordedAt(), p.recordedBy()))
                .toList();
    }

    HubScans(ParcelPickups pickups, OrderService orders, RequestOnce once, Refusal.Refusals refusals,
             EWaybillDesk ewaybills, Clock clock) {
        this.ewaybills = ewaybills;
        this.pickups = pickups;
        this.orders = orders;
        this.once = once;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** What the hand-over form or a scanner sends: a parcel code or an order id, the carrier and the waybill. */
    public record Handover(String code, Long orderId, Carrier carrier, String waybillNumber, String requestId) {
    }

    /** Scans the parcels in at the hub. */
    public HubAnswer.Arrival arrive(JiyunUser user, List<String> rawCodes, String requestId) {
        requireHubUser(user);
        return once.answer(user, requestId, HubAnswer.Arrival.class, () -> doArrive(user, rawCodes));
    }

    /** Hands an order at the hub to the express carrier under the waybill number. */
    public HubAnswer.Handover handOver(JiyunUser user, Handover handover) {
        requireHubUser(user);
        return once.answer(user, handover.requestId(), HubAnswer.Handover.class, () -> doHandOver(user, handover));
    }

    private HubAnswer.Arrival doArrive(JiyunUser user, List<String> rawCodes) {
        List<String> codes = Pickups.typedCodes(rawCodes);
        if (codes.isEmpty()) {
            throw refusals.invalid("codes", "pickups.error.noCode");
        }
        List<ParcelPickup> scanned = new ArrayList<>();
        for (String code : codes) {
            scanned.add(collected(user, code, "codes"));
        }
        Instant now = clock.instant();
        List<HubAnswer.ArrivedParcel> parcels = new ArrayList<>();
        for (ParcelPickup pickup : scanned) {
            boolean arrived = pickup.arrive(user.getUsername(), now);
            parcels.add(new HubAnswer.ArrivedParcel(pickup.parcelCode(), pickup.orderId(), !arrived));
        }
        pickups.flush();
        Set<Long> orderIds = new LinkedHashSet<>(scanned.stream().map(ParcelPickup::orderId).toList());
        List<OrderMove> moved = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Long orderId : orderIds) {
            Order order = orders.get(user.cooperativeId(), orderId);
            List<ParcelPickup> collected = pickups.findByOrderIdIn(List.of(orderId)).stream()
                    .filter(p -> p.outcome() == PickupOutcome.COLLECTED).toList();
            List<String> notIn = collected.stream().filter(p -> p.arrivedAt() == null).map(ParcelPickup::parcelCode)
                    .toList();
            if (!notIn.isEmpty()) {
                missing.addAll(notIn);
            } else if (order.status() == OrderStatus.PICKED_UP) {
                Order atHub = orders.changeStatus(user.cooperativeId(), orderId, OrderStatus.AT_HUB,
                        collected.size() + " parcel(s) scanned in at the hub", null, null, user.getUsername());
                moved.add(new OrderMove(orderId, atHub.platformOrderId(), atHub.status()));
            }
        }
        return new HubAnswer.Arrival(parcels, moved, missing);
    }

    private HubAnswer.Handover doHandOver(JiyunUser user, Handover handover) {
        Order order = orderOf(user, handover);
        String waybill = handover.waybillNumber() == null ? "" : handover.waybillNumber().strip()
                .toUpperCase(Locale.ROOT);
        Carrier carrier = handover.carrier();
        // an order with an e-waybill goes under it: the platform knows the shipment by that number
        OrderEWaybill taken = ewaybills.current(user.cooperativeId(), order.id())
                .filter(t -> t.status() == OrderEWaybill.Status.TAKEN).orElse(null);
        if (taken != null) {
            boolean otherNumber = !waybill.isEmpty() && !waybill.equals(taken.waybillNumber());
            if (otherNumber || (carrier != null && carrier != taken.carrier())) {
                throw refusals.conflict("hub.error.otherThanEWaybill", order.platformOrderId(),
                        taken.carrier().chineseName(), taken.waybillNumber());
            }
            waybill = taken.waybillNumber();
            carrier = taken.carrier();
        }
        if (carrier == null) {
            throw refusals.invalid("carrier", "hub.error.noCarrier");
        }
        if (waybill.isEmpty()) {
            throw refusals.invalid("waybillNumber", "hub.error.noWaybill");
        }
        if (!WAYBILL.matcher(waybill).matches()) {
            throw refusals.invalid("waybillNumber", "hub.error.badWaybill", waybill);
        }
        if (order.status() == OrderStatus.HANDED_TO_CARRIER) {
            if (order.carrier() == carrier && waybill.equals(order.waybillNumber())) {
                return new HubAnswer.Handover(order.id(), order.platformOrderId(), order.carrier(),
                        order.waybillNumber(), true);
            }
            throw refusals.conflict("hub.error.handedOverAlready", order.platformOrderId(),
                    order.carrier().chineseName(), order.waybillNumber());
        }
        if (order.status() != OrderStatus.AT_HUB) {
            throw refusals.conflict("hub.error.notAtHub", order.platformOrderId(),
                    Refusal.Refusals.said(order.status()));
        }
        Order handed = orders.changeStatus(user.cooperativeId(), order.id(), OrderStatus.HANDED_TO_CARRIER, null,
                carrier, waybill, user.getUsername());
        return new HubAnswer.Handover(handed.id(), handed.platformOrderId(), handed.carrier(), handed.waybillNumber(),
                false);
    }

    private Order orderOf(JiyunUser user, Handover handover) {
        String code = handover.code() == null ? "" : handover.code().strip().toUpperCase(Locale.ROOT);
        if (!code.isEmpty()) {
            return orders.get(user.cooperativeId(), collected(user, code, "code").orderId());
        }
        if (handover.orderId() == null) {
            throw refusals.invalid("code", "hub.error.noOrder");
        }
        try {
            return orders.get(user.cooperativeId(), handover.orderId());
        } catch (NotFoundException e) {
            throw refusals.invalid("orderId", "hub.error.unknownOrder", handover.orderId());
        }
    }

    private ParcelPickup collected(JiyunUser user, String code, String field) {
        return pickups.findFirstByCooperativeIdAndParcelCodeAndOutcomeOrderByRecordedAtDesc(user.cooperativeId(), code,
                PickupOutcome.COLLECTED).orElseThrow(() -> refusals.invalid(field, "hub.error.notCollected", code));
    }

    private static void requireHubUser(JiyunUser user) {
        if (!user.is(Role.COURIER) && !user.is(Role.COOP_ADMIN)) {
            throw new AccessDeniedException("only couriers and cooperative admins scan at the hub");
        }
    }
}
