package cn.jiyun.fulfillment.planning.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.planning.Plan;
import cn.jiyun.fulfillment.planning.PlanEventStream;
import cn.jiyun.fulfillment.planning.PlanView;
import cn.jiyun.fulfillment.planning.PlanningService;
import cn.jiyun.fulfillment.planning.PlanningService.PlanRequest;
import cn.jiyun.fulfillment.security.JiyunUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Pickup plans: start one, watch it improve, stop it, inspect it, approve it. */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Planning")
class PlanController {

    private final Clock clock;

    /** A plan in a list. */
    record PlanSummary(Long id, String status, java.util.List<Long> hubIds, java.time.LocalDate firstDay, int days,
                       int parcels, Long cost, Long baselineCost, Instant createdAt) {
        static PlanSummary of(Plan p) {
            return new PlanSummary(p.id(), p.status().name(), p.hubIds(), p.firstDay(), p.days(), p.parcelCount(),
                    p.costFen(), p.baselineCostFen(), p.createdAt());
        }
    }

    private final PlanningService planning;

    PlanController(PlanningService planning, Clock clock) {
        this.planning = planning;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Start planning pickups for some hubs over 1–3 days; solving runs in the background")
    ResponseEntity<PlanView> start(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody PlanRequestBody body) {
        if (body.firstDay() != null && body.firstDay().isBefore(LocalDate.now(clock.withZone(ChinaTime.ZONE)))) {
            // yesterday's pickups cannot be driven any more
            throw new InvalidFieldException("firstDay", "is in the past; a plan starts today or later");
        }
        Plan plan = planning.start(user.cooperativeId(),
                new PlanRequest(body.hubIds(), body.days(), body.seconds(), body.firstDay(),
                        body.pins(), body.policy(), body.courierRemainder()), user.getUsername());
        return ResponseEntity.accepted().location(URI.create("/api/plans/" + plan.id()))
                .body(planning.view(user.cooperativeId(), plan.id()));
    }

    @GetMapping
    PagedModel<PlanSummary> list(@AuthenticationPrincipal JiyunUser user,
                                 @SortableBy({"id", "createdAt", "firstDay", "status"}) Pageable pageable) {
        return new PagedModel<>(planning.list(user.cooperativeId(), pageable).map(PlanSummary::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The plan: while SOLVING the best so far, once DONE its stored routes")
    PlanView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return planning.view(user.cooperativeId(), id);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: the plan each time the planner improves it, then 'done'")
    SseEmitter events(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) throws IOException {
        return PlanEventStream.open(planning, user.cooperativeId(), id, view -> view);
    }

    @PostMapping("/{id}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "End solving early; the best plan so far becomes the result")
    void stop(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        planning.stop(user.cooperativeId(), id);
    }

    /** Who drives a route. */
    record CourierAssignment(Long courierUserId) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/routes/{routeId}/courier")
    @Operation(summary = "Give a route to a courier (null: to nobody); the courier then sees its manifest")
    PlanView.RouteView assignCourier(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                                     @PathVariable Long routeId, @RequestBody CourierAssignment body) {
        return planning.assignCourier(user.cooperativeId(), id, routeId, body.courierUserId());
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Fix the plan: its orders become PLANNED and its routes the couriers' manifests")
    PlanView approve(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        planning.approve(user.cooperativeId(), id, user.getUsername());
        return planning.view(user.cooperativeId(), id);
    }
}
