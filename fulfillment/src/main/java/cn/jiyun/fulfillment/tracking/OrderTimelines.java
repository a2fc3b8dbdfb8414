package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderTimeline;
import cn.jiyun.fulfillment.orders.OrderTimelineSource;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Parcel;
import cn.jiyun.fulfillment.orders.TrackingEvent;
import cn.jiyun.fulfillment.planning.ScheduledPickups;
import cn.jiyun.fulfillment.orders.OrderTimeline.Pickup;
import cn.jiyun.fulfillment.orders.OrderTimeline.Scan;
import cn.jiyun.fulfillment.orders.OrderTimeline.Step;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds an order's timeline from its tracking events and, once planned, the approved plan's stops. */
@Service
public class OrderTimelines implements OrderTimelineSource {

    /** The steps every order goes through, in order, when all goes well. */
    static final List<OrderStatus> MILESTONES = List.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_PICKUP,
            OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB, OrderStatus.HANDED_TO_CARRIER,
            OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED);

    private final ScheduledPickups pickups;
    private final CarrierScans scans;

    OrderTimelines(ScheduledPickups pickups, CarrierScans scans) {
        this.pickups = pickups;
        this.scans = scans;
    }

    @Override
    @Transactional(readOnly = true)
    public OrderTimeline of(Order order) {
        // walk the history: a step back (e.g. a plan withdrawn) undoes the steps after it
        Map<OrderStatus, Instant> reached = new EnumMap<>(OrderStatus.class);
        Instant cancelledAt = null;
        Instant returnedAt = null;
        for (TrackingEvent event : order.events()) {
            int index = MILESTONES.indexOf(event.status());
            if (index >= 0) {
                reached.put(event.status(), event.occurredAt());
                MILESTONES.subList(index + 1, MILESTONES.size()).forEach(reached::remove);
            } else if (event.status() == OrderStatus.CANCELLED) {
                cancelledAt = event.occurredAt();
            } else if (event.status() == OrderStatus.RETURNED) {
                returnedAt = event.occurredAt();
            }
            // NEEDS_ATTENTION is a person's working state, not a step of the parcels' way
        }
        // a step the order went past in one move (the carrier's first news may already be "delivered") was passed
        // on the way: done, at the time of the next step reached, rather than shown as still to come
        Instant later = null;
        for (int i = MILESTONES.size() - 1; i >= 0; i--) {
            Instant own = reached.get(MILESTONES.get(i));
            if (own != null) {
                later = own;
            } else if (later != null) {
                reached.put(MILESTONES.get(i), later);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (OrderStatus milestone : MILESTONES) {
            Instant at = reached.get(milestone);
            if (at == null && (cancelledAt != null || returnedAt != null)) {
                continue;
            }
            steps.add(new Step(milestone, local(at), false,
                    milestone == OrderStatus.PLANNED && at != null ? pickupsOf(order, at) : List.of(),
                    milestone == OrderStatus.HANDED_TO_CARRIER && at != null ? order.carrier() : null,
                    milestone == OrderStatus.HANDED_TO_CARRIER && at != null ? order.waybillNumber() : null));
        }
        if (cancelledAt != null) {
            steps.add(new Step(OrderStatus.CANCELLED, local(cancelledAt), false, List.of(), null, null));
        }
        if (returnedAt != null) {
            steps.add(new Step(OrderStatus.RETURNED, local(returnedAt), false, List.of(), null, null));
        }
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).done()) {
                last = i;
            }
        }
        if (last >= 0) {
            Step s = steps.get(last);
            steps.set(last, new Step(s.status(), s.at(), true, s.pickups(), s.carrier(), s.waybill()));
        }
        List<Scan> journey = order.id() == null ? List.of() : scans.findByOrderIdOrderByScannedAtAscIdAsc(order.id())
                .stream().map(s -> new Scan(local(s.scannedAt()), cityOf(s.area()), s.stage(), s.description()))
                .toList();
        return new OrderTimeline(order.status(), steps, journey);
    }

    /**
     * The city of an aggregator's area ("广东省,深圳市,南山区" is 深圳市, "上海市,浦东新区" is 上海市): a journey is
     * told by cities, and the district is nearer the buyer's door than a public page needs.
     */
    static String cityOf(String area) {
        String[] parts = area.split("[,，\\s]+");
        for (String part : parts) {
            if (part.endsWith("市")) {
                return part;
            }
        }
        return parts.length > 1 ? parts[1] : area.strip();
    }

    private List<Pickup> pickupsOf(Order order, Instant plannedAt) {
        List<Long> parcelIds = order.parcels().stream().map(Parcel::id).toList();
        return pickups.of(order.cooperativeId(), parcelIds, plannedAt).stream()
                .map(p -> new Pickup(p.day(), LocalTime.ofInstant(p.arrival(), ChinaTime.ZONE)
                        .truncatedTo(ChronoUnit.MINUTES)))
                .distinct().toList();
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant, ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
    }
}
