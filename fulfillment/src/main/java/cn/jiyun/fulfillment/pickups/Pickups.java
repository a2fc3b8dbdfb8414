package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Parcel;
import cn.jiyun.fulfillment.planning.PlanStatus;
import cn.jiyun.fulfillment.planning.PlanView;
import cn.jiyun.fulfillment.planning.PlanningService;
import cn.jiyun.fulfillment.planning.PlanningService.PlannedRoute;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Couriers' confirmations at the stops of their routes: parcels collected or not, and stops
 * skipped. Each one is checked against the route as the manifest shows it, is recorded once, and
 * moves the orders whose parcels now all have an outcome (see the package's description).
 */
@Service
@Transactional
public class Pickups {

    /** A reason is free text typed on a phone; more than this is a mistake. */
    static final int MAX_REASON = 500;

    private final PlanningService planning;
    private final OrderService orders;
    private final ParcelPickups pickups;
    private final SkippedStops skips;
    private final RequestOnce once;
    private final Refusal.Refusals refusals;
    private final Clock clock;

    Pickups(PlanningService planning, OrderService orders, ParcelPickups pickups,
            SkippedStops skips, RequestOnce once, Refusal.Refusals refusals, Clock clock) {
        this.planning = planning;
        this.orders = orders;
        this.pickups = pickups;
        this.skips = skips;
        this.once = once;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** What to confirm: parcel codes (typed, scanned or ticked), their outcome and, if not collected, why. */
    public record Confirmation(List<String> codes, PickupOutcome outcome, String reason, String requestId) {
    }

    /** Where the route's pickups stand, for a user who may read its manifest. */
    @Transactional(readOnly = true)
    public PickupSheet sheet(JiyunUser user, Long routeId) {
        PlannedRoute planned = readable(user, routeId);
        return sheetOf(planned.route(), pickups.findByRouteId(routeId), skips.findByRouteId(routeId));
    }

    /** Records the outcome of the parcels; those already confirmed the same way are left as they are. */
    public PickupAnswer confirm(JiyunUser user, Long routeId, Confirmation confirmation) {
        PlannedRoute planned = writable(user, routeId);
        return once.answer(user, confirmation.requestId(), PickupAnswer.class,
                () -> doConfirm(user, planned, confirmation));
    }

    /** Records that the producer of the stop was absent: none of its parcels are collected on this route. */
    public PickupAnswer skip(JiyunUser user, Long routeId, int stopSequence, String reason, String requestId) {
        PlannedRoute planned = writable(user, routeId);
        return once.answer(user, requestId, PickupAnswer.class,
                () -> doSkip(user, planned, stopSequence, reason));
    }

    private PickupAnswer doConfirm(JiyunUser user, PlannedRoute planned, Confirmation confirmation) {
        PlanView.RouteView route = planned.route();
        List<String> codes = codes(confirmation.codes());
        PickupOutcome outcome = confirmation.outcome() == null ? PickupOutcome.COLLECTED : confirmation.outcome();
        String reason = reason(confirmation.reason(), outcome);
        Map<String, Placed> onRoute = placed(route);
        Map<Long, ParcelPickup> recorded = pickups.findByRouteId(route.id()).stream()
                .collect(Collectors.toMap(ParcelPickup::parcelId, p -> p));
        Set<Integer> skipped = skips.findByRouteId(route.id()).stream().map(SkippedStop::stopSequence)
                .collect(Collectors.toSet());

        List<PickupAnswer.ParcelResult> results = new ArrayList<>();
        List<ParcelPickup> fresh = new ArrayList<>();
        Instant now = clock.instant();
        for (String code : codes) {
            Placed at = onRoute.get(code);
            if (at == null) {
                throw refusals.invalid("codes", "pickups.error.notOnRoute", code, route.id());
            }
            if (skipped.contains(at.stop())) {
                throw refusals.conflict("pickups.error.stopSkipped", code, at.stop());
            }
            ParcelPickup before = recorded.get(at.parcel().id());
            if (before != null) {
                if (before.outcome() != outcome) {
                    throw refusals.conflict("pickups.error.alreadyRecorded", code,
                            Refusal.Refusals.said(before.outcome()));
                }
                results.add(new PickupAnswer.ParcelResult(code, at.stop(), outcome, before.reason(), true));
                continue;
            }
            if (outcome == PickupOutcome.COLLECTED) {
                Order order = orders.get(user.cooperativeId(), at.parcel().orderId());
                if (order.status() != OrderStatus.PLANNED) {
                    throw refusals.conflict("pickups.error.orderNotPlanned", code, order.platformOrderId(),
                            Refusal.Refusals.said(order.status()));
                }
            }
            fresh.add(new ParcelPickup(user.cooperativeId(), route.id(), at.stop(), at.parcel().id(), code,
                    at.parcel().orderId(), route.hubId(), at.parcel().weightGrams(), outcome, reason,
                    user.getUsername(), now));
            results.add(new PickupAnswer.ParcelResult(code, at.stop(), outcome, reason, false));
        }
        pickups.saveAll(fresh);
        pickups.flush();
        List<OrderMove> moved = moveOrders(user, planned,
                fresh.stream().map(ParcelPickup::orderId).collect(Collectors.toCollection(LinkedHashSet::new)));
        return new PickupAnswer(route.id(), results, null, false, moved, collectedGrams(route.id()));
    }

    private PickupAnswer doSkip(JiyunUser user, PlannedRoute planned, int sequence, String reason) {
        PlanView.RouteView route = planned.route();
        if (sequence < 1 || sequence > route.stops().size()) {
            throw refusals.invalid("stop", "pickups.error.noStop", sequence, route.id());
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw refusals.invalid("reason", "pickups.error.reasonTooLong", MAX_REASON);
        }
        if (skips.findByRouteIdAndStopSequence(route.id(), sequence).isPresent()) {
            return new PickupAnswer(route.id(), List.of(), sequence, true, List.of(), collectedGrams(route.id()));
        }
        PlanView.StopView stop = route.stops().get(sequence - 1);
        Set<Long> stopParcels = stop.parcels().stream().map(PlanView.ParcelRef::id).collect(Collectors.toSet());
        if (pickups.findByRouteId(route.id()).stream().anyMatch(p -> stopParcels.contains(p.parcelId()))) {
            throw refusals.conflict("pickups.error.stopHasConfirmations", sequence);
        }
        skips.saveAndFlush(new SkippedStop(user.cooperativeId(), route.id(), sequence, stop.producer().id(), why,
                user.getUsername(), clock.instant()));
        List<OrderMove> moved = moveOrders(user, planned, stop.parcels().stream().map(PlanView.ParcelRef::orderId)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        return new PickupAnswer(route.id(), List.of(), sequence, false, moved, collectedGrams(route.id()));
    }

    /** A parcel of the plan, at its route's stop. */
    private record Placed(Long routeId, int stop, PlanView.ParcelRef parcel) {
    }

    private static Map<String, Placed> placed(PlanView.RouteView route) {
        Map<String, Placed> byCode = new LinkedHashMap<>();
        for (int i = 0; i < route.stops().size(); i++) {
            for (PlanView.ParcelRef parcel : route.stops().get(i).parcels()) {
                byCode.put(parcel.code(), new Placed(route.id(), i + 1, parcel));
            }
        }
        return byCode;
    }

    /**
     * Moves each PLANNED order on once every parcel it has on the plan has an outcome: all
     * collected, PICKED_UP; else see the package's description.
     */
    private List<OrderMove> moveOrders(JiyunUser user, PlannedRoute planned, Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        PlanView plan = planning.view(user.cooperativeId(), planned.plan().id());
        Map<Long, Placed> onPlan = new HashMap<>();
        plan.routes().forEach(r -> placed(r).values().forEach(p -> onPlan.put(p.parcel().id(), p)));
        Set<Long> routeIds = plan.routes().stream().map(PlanView.RouteView::id).collect(Collectors.toSet());
        Map<String, ParcelPickup> outcomes = new HashMap<>();
        pickups.findByOrderIdIn(orderIds).stream().filter(p -> routeIds.contains(p.routeId()))
                .forEach(p -> outcomes.put(p.routeId() + "/" + p.parcelId(), p));
        Set<String> skipped = skips.findByRouteIdIn(routeIds).stream()
                .map(s -> s.routeId() + "/" + s.stopSequence()).collect(Collectors.toSet());

        List<OrderMove> moves = new ArrayList<>();
        for (Long orderId : orderIds) {
            Order order = orders.get(user.cooperativeId(), orderId);
            if (order.status() != OrderStatus.PLANNED) {
                continue;
            }
            List<String> collected = new ArrayList<>();
            List<String> notReady = new ArrayList<>();
            List<String> needPerson = new ArrayList<>();
            boolean pending = false;
            for (Parcel parcel : order.parcels()) {
                Placed at = onPlan.get(parcel.id());
                if (at == null) {
                    notReady.add(parcel.code() + " not on plan " + plan.id());
                    continue;
                }
                ParcelPickup outcome = outcomes.get(at.routeId() + "/" + parcel.id());
                if (outcome == null) {
                    if (skipped.contains(at.routeId() + "/" + at.stop())) {
                        notReady.add(parcel.code() + " producer absent");
                    } else {
                        pending = true;
                    }
                } else if (outcome.outcome() == PickupOutcome.COLLECTED) {
                    collected.add(parcel.code());
                } else if (outcome.outcome().needsAPerson()) {
                    needPerson.add(parcel.code() + " " + outcome.outcome().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + (outcome.reason() == null ? "" : ": " + outcome.reason()));
                } else {
                    notReady.add(parcel.code() + " not ready"
                            + (outcome.reason() == null ? "" : ": " + outcome.reason()));
                }
            }
            if (pending) {
                continue;
            }
            OrderStatus next;
            String note;
            if (!needPerson.isEmpty()) {
                next = OrderStatus.NEEDS_ATTENTION;
                note = "not collected on route " + planned.route().id() + ": " + String.join("; ", needPerson);
            } else if (notReady.isEmpty()) {
                next = OrderStatus.PICKED_UP;
                note = collected.size() + " parcel(s) collected on route " + planned.route().id();
            } else if (collected.isEmpty()) {
                next = OrderStatus.AWAITING_PICKUP;
                note = "not collected, back to planning: " + String.join("; ", notReady);
            } else {
                next = OrderStatus.NEEDS_ATTENTION;
                note = "partly collected (" + String.join(", ", collected) + "); not collected: "
                        + String.join("; ", notReady);
            }
            Order movedOrder = orders.changeStatus(user.cooperativeId(), orderId, next, note, null, null,
                    user.getUsername());
            moves.add(new OrderMove(orderId, movedOrder.platformOrderId(), movedOrder.status()));
        }
        return moves;
    }

    private long collectedGrams(Long routeId) {
        return pickups.findByRouteId(routeId).stream().filter(p -> p.outcome() == PickupOutcome.COLLECTED)
                .mapToLong(ParcelPickup::weightGrams).sum();
    }

    static PickupSheet sheetOf(PlanView.RouteView route, List<ParcelPickup> recorded, List<SkippedStop> skipped) {
        Map<Long, ParcelPickup> byParcel = recorded.stream().collect(Collectors.toMap(ParcelPickup::parcelId, p -> p));
        Map<Integer, SkippedStop> skippedBySeq = skipped.stream()
                .collect(Collectors.toMap(SkippedStop::stopSequence, s -> s));
        List<PickupSheet.StopSheet> stops = new ArrayList<>();
        long soFar = 0;
        int parcels = 0;
        int confirmed = 0;
        int collected = 0;
        for (int i = 0; i < route.stops().size(); i++) {
            PlanView.StopView stop = route.stops().get(i);
            List<PickupSheet.ParcelSheet> sheets = new ArrayList<>();
            long atStop = 0;
            for (PlanView.ParcelRef parcel : stop.parcels()) {
                ParcelPickup p = byParcel.get(parcel.id());
                sheets.add(new PickupSheet.ParcelSheet(parcel.id(), parcel.code(), parcel.orderId(),
                        parcel.weightGrams(), p == null ? null : p.outcome(), p == null ? null : p.reason(),
                        p == null ? null : p.recordedBy(), p == null ? null : p.recordedAt(),
                        p != null && p.arrivedAt() != null));
                parcels++;
                if (p != null) {
                    confirmed++;
                    if (p.outcome() == PickupOutcome.COLLECTED) {
                        collected++;
                        atStop += p.weightGrams();
                    }
                }
            }
            soFar += atStop;
            SkippedStop skip = skippedBySeq.get(i + 1);
            stops.add(new PickupSheet.StopSheet(i + 1, stop.producer() == null ? null : stop.producer().id(),
                    skip != null, skip == null ? null : skip.reason(), sheets, atStop, soFar));
        }
        return new PickupSheet(route.id(), stops, parcels, confirmed, collected, soFar);
    }

    /** The route, if the user may read its manifest: the manifest page's own check. */
    private PlannedRoute readable(JiyunUser user, Long routeId) {
        return planning.readableRoute(user, routeId);
    }

    /** The route, if the user may confirm on it: readable, and its plan approved. */
    private PlannedRoute writable(JiyunUser user, Long routeId) {
        PlannedRoute planned = readable(user, routeId);
        if (planned.plan().status() != PlanStatus.APPROVED) {
            throw refusals.conflict("pickups.error.notApproved", routeId, planned.plan().status());
        }
        return planned;
    }

    private List<String> codes(List<String> raw) {
        List<String> codes = typedCodes(raw);
        if (codes.isEmpty()) {
            throw refusals.invalid("codes", "pickups.error.noCode");
        }
        return codes;
    }

    /** Codes as typed, scanned or ticked: several to a field, any case, each once. */
    static List<String> typedCodes(List<String> raw) {
        return (raw == null ? List.<String>of() : raw).stream()
                .filter(java.util.Objects::nonNull)
                .flatMap(field -> Arrays.stream(field.split("[\\s,;，；、]+")))
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private String reason(String raw, PickupOutcome outcome) {
        String reason = raw == null || raw.isBlank() ? null : raw.strip();
        if (outcome == PickupOutcome.COLLECTED) {
            return null;
        }
        if (reason == null && outcome.needsAPerson()) {
            throw refusals.invalid("reason", "pickups.error.reasonNeeded");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw refusals.invalid("reason", "pickups.error.reasonTooLong", MAX_REASON);
        }
        return reason;
    }
}
