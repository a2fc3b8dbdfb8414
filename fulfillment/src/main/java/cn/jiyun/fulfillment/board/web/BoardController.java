package cn.jiyun.fulfillment.board.web;

import cn.jiyun.fulfillment.board.BoardPlan;
import cn.jiyun.fulfillment.board.BoardService;
import cn.jiyun.fulfillment.board.MapProperties;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.planning.Plan;
import cn.jiyun.fulfillment.planning.PlanView;
import cn.jiyun.fulfillment.planning.DispatchSettingsService;
import cn.jiyun.fulfillment.planning.PlanningService;
import cn.jiyun.fulfillment.planning.PlanEventStream;
import cn.jiyun.fulfillment.planning.PlanningService.Pin;
import cn.jiyun.fulfillment.planning.PlanningService.PlanRequest;
import cn.jiyun.fulfillment.planning.PlanningProperties;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The planning board: the map of what awaits pickup, planning with live progress, the result on the map
 * and in tables, pins and re-planning, couriers, approval. Plain forms and links; the map and the live
 * progress are added by {@code board.js}.
 */
@Controller
@RequestMapping("/board")
class BoardController {

    private final BoardService board;
    private final PlanningService planning;
    private final PlanningProperties planningProperties;
    private final MapProperties map;
    private final DispatchSettingsService dispatchSettings;

    BoardController(BoardService board, PlanningService planning, PlanningProperties planningProperties,
                    MapProperties map, DispatchSettingsService dispatchSettings) {
        this.dispatchSettings = dispatchSettings;
        this.board = board;
        this.planning = planning;
        this.planningProperties = planningProperties;
        this.map = map;
    }

    @GetMapping
    String board(@AuthenticationPrincipal JiyunUser user, @RequestParam(required = false) Long hubId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                 Model model) {
        Long coop = user.cooperativeId();
        List<BoardService.HubMarker> hubs = board.hubs(coop);
        Long chosenHub = hubId != null && hubs.stream().anyMatch(h -> h.id().equals(hubId)) ? hubId : null;
        List<BoardService.ProducerMarker> waiting = board.producers(coop, chosenHub, day).stream()
                .filter(p -> p.parcels() > 0).toList();
        model.addAttribute("hubs", hubs);
        model.addAttribute("hubNames", hubs.stream().collect(java.util.stream.Collectors.toMap(
                BoardService.HubMarker::id, BoardService.HubMarker::name)));
        model.addAttribute("hubId", chosenHub);
        model.addAttribute("day", day);
        model.addAttribute("waiting", waiting);
        model.addAttribute("waitingParcels", waiting.stream().mapToInt(BoardService.ProducerMarker::parcels).sum());
        model.addAttribute("waitingKg", Math.round(waiting.stream()
                .mapToDouble(BoardService.ProducerMarker::kg).sum() * 10) / 10.0);
        model.addAttribute("plans", planning.list(coop, PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "id")))
                .getContent());
        model.addAttribute("defaultSeconds", planningProperties.defaultSeconds());
        model.addAttribute("maxSeconds", planningProperties.maxSeconds());
        model.addAttribute("map", map);
        model.addAttribute("dispatch", dispatchSettings.of(user.cooperativeId()));
        model.addAttribute("policies", java.util.Arrays.stream(cn.jiyun.routing.dispatch.DispatchPolicy.values())
                .map(cn.jiyun.routing.dispatch.DispatchPolicy::key).toList());
        return "board/index";
    }

    @GetMapping(path = "/hubs", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<BoardService.HubMarker> hubs(@AuthenticationPrincipal JiyunUser user) {
        return board.hubs(user.cooperativeId());
    }

    @GetMapping(path = "/producers", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<BoardService.ProducerMarker> producers(@AuthenticationPrincipal JiyunUser user,
                                                @RequestParam(required = false) Long hubId,
                                                @RequestParam(required = false)
                                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return board.producers(user.cooperativeId(), hubId, day);
    }

    @PostMapping("/plans")
    String start(@AuthenticationPrincipal JiyunUser user, @RequestParam Long hubId,
                 @RequestParam(defaultValue = "1") int days, @RequestParam(required = false) BigDecimal seconds,
                 @RequestParam(required = false) String policy,
                 @RequestParam(defaultValue = "false") boolean courierRemainder, RedirectAttributes redirect) {
        try {
            Plan plan = planning.start(user.cooperativeId(), new PlanRequest(List.of(hubId), days, seconds, null,
                    List.of(), policy, courierRemainder), user.getUsername());
            return "redirect:/board/plans/" + plan.id();
        } catch (InvalidFieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/board";
        }
    }

    @GetMapping("/plans/{id:\\d+}")
    String plan(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, Model model) {
        BoardPlan plan = board.plan(user.cooperativeId(), planning.view(user.cooperativeId(), id));
        model.addAttribute("plan", plan);
        model.addAttribute("couriers", board.couriers(user.cooperativeId()));
        model.addAttribute("defaultSeconds", planningProperties.defaultSeconds());
        model.addAttribute("maxSeconds", planningProperties.maxSeconds());
        model.addAttribute("map", map);
        return "board/plan";
    }

    @GetMapping(path = "/plans/{id:\\d+}/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    BoardPlan planMap(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return board.plan(user.cooperativeId(), planning.view(user.cooperativeId(), id));
    }

    /** The plan each time the planner improves it ({@code plan}), then {@code done}; as the API's stream does. */
    @GetMapping(path = "/plans/{id:\\d+}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) throws IOException {
        return PlanEventStream.open(planning, user.cooperativeId(), id, board.drawer(user.cooperativeId()));
    }

    @PostMapping("/plans/{id:\\d+}/stop")
    String stop(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            planning.stop(user.cooperativeId(), id);
        } catch (ConflictException alreadyOver) {
            redirect.addFlashAttribute("error", alreadyOver.getMessage());
        }
        return "redirect:/board/plans/" + id;
    }

    @PostMapping("/plans/{id:\\d+}/approve")
    String approve(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("approvedOrders", planning.approve(user.cooperativeId(), id,
                    user.getUsername()));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/board/plans/" + id;
    }

    @PostMapping("/plans/{id:\\d+}/routes/{routeId:\\d+}/courier")
    String assignCourier(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id, @PathVariable Long routeId,
                         @RequestParam(required = false) Long courierUserId, RedirectAttributes redirect) {
        try {
            planning.assignCourier(user.cooperativeId(), id, routeId, courierUserId);
        } catch (InvalidFieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/board/plans/" + id + "#route-" + routeId;
    }

    /**
     * A new plan for the same hubs and days, with the ticked stops pinned: {@code R:producer:vehicle:day:position}
     * keeps a stop on its route at its place, {@code D:producer:day} keeps it on its day, any route.
     */
    @PostMapping("/plans/{id:\\d+}/replan")
    String replan(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                  @RequestParam(name = "pin", required = false) List<String> pins,
                  @RequestParam(required = false) BigDecimal seconds, RedirectAttributes redirect) {
        PlanView old = planning.view(user.cooperativeId(), id);
        try {
            Plan plan = planning.start(user.cooperativeId(), new PlanRequest(old.hubIds(), old.days(),
                    seconds == null ? BigDecimal.valueOf(old.seconds()) : seconds, old.firstDay(), PinForm.parse(pins),
                    old.policy(), old.courierRemainder()), user.getUsername());
            return "redirect:/board/plans/" + plan.id();
        } catch (InvalidFieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/board/plans/" + id;
        }
    }

    /** The pins of the re-plan form. */
    static final class PinForm {

        private PinForm() {
        }

        static List<Pin> parse(List<String> values) {
            // one pin per producer: a stop ticked for its route and its day stays on its route
            Map<Long, Pin> pins = new java.util.LinkedHashMap<>();
            for (String value : values == null ? List.<String>of() : values) {
                Pin pin = parse(value);
                pins.merge(pin.producerId(), pin, (kept, other) -> kept.vehicleId() != null ? kept : other);
            }
            return List.copyOf(pins.values());
        }

        private static Pin parse(String value) {
            String[] part = value.split(":");
            try {
                if (part.length == 5 && part[0].equals("R")) {
                    return new Pin(Long.valueOf(part[1]), Long.valueOf(part[2]), LocalDate.parse(part[3]),
                            Integer.parseInt(part[4]));
                }
                if (part.length == 3 && part[0].equals("D")) {
                    return new Pin(Long.valueOf(part[1]), null, LocalDate.parse(part[2]), 0);
                }
            } catch (RuntimeException notAPin) {
                // refused below, as any other value
            }
            throw new InvalidFieldException("pin", "not a pin: " + value);
        }
    }
}
