package cn.jiyun.fulfillment.planning;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A plan as server-sent events: {@code plan} now and each time the planner improves it, then
 * {@code done}. The API sends the plan as it is; the board sends it drawn for its map.
 */
public final class PlanEventStream {

    /** Longer than the longest a plan may solve (600 s), so a stream never ends before its plan. */
    private static final Duration TIMEOUT = Duration.ofMinutes(70);

    private PlanEventStream() {
    }

    public static SseEmitter open(PlanningService planning, Long cooperativeId, Long planId,
                                  Function<PlanView, ?> body) throws IOException {
        Object current = body.apply(planning.view(cooperativeId, planId));
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitter.send(SseEmitter.event().name("plan").data(current, MediaType.APPLICATION_JSON));
        Consumer<PlanView> watcher = new Consumer<>() {
            @Override
            public void accept(PlanView view) {
                try {
                    if (view == null) {
                        emitter.send(SseEmitter.event().name("done").data(Map.of("id", planId)));
                        emitter.complete();
                    } else {
                        emitter.send(SseEmitter.event().name("plan").data(body.apply(view), MediaType.APPLICATION_JSON));
                    }
                } catch (IOException | IllegalStateException gone) {
                    planning.unwatch(planId, this);
                }
            }
        };
        if (!planning.watch(cooperativeId, planId, watcher)) {
            emitter.send(SseEmitter.event().name("done").data(Map.of("id", planId)));
            emitter.complete();
        } else {
            emitter.onCompletion(() -> planning.unwatch(planId, watcher));
            emitter.onTimeout(() -> planning.unwatch(planId, watcher));
        }
        return emitter;
    }
}
