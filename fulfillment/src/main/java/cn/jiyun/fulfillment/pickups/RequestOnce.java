package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.security.JiyunUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a request sent again with the same client-chosen id exactly as the first time, without
 * doing it again. Runs inside the caller's transaction, so the answer is stored with the work.
 */
@Component
class RequestOnce {

    static final int MAX_ID_LENGTH = 64;

    private final AnsweredRequests answered;
    private final ObjectMapper json;
    private final Refusal.Refusals refusals;
    private final Clock clock;

    RequestOnce(AnsweredRequests answered, ObjectMapper json, Refusal.Refusals refusals, Clock clock) {
        this.answered = answered;
        this.json = json;
        this.refusals = refusals;
        this.clock = clock;
    }

    <T> T answer(JiyunUser user, String requestId, Class<T> type, Supplier<T> work) {
        if (requestId == null || requestId.isBlank()) {
            return work.get();
        }
        String id = requestId.strip();
        if (id.length() > MAX_ID_LENGTH) {
            throw refusals.invalid("requestId", "pickups.error.requestId", MAX_ID_LENGTH);
        }
        Optional<AnsweredRequest> before = answered.findByUserIdAndRequestId(user.userId(), id);
        try {
            if (before.isPresent()) {
                return json.readValue(before.get().answerJson(), type);
            }
            T answer = work.get();
            answered.save(new AnsweredRequest(user.userId(), id, json.writeValueAsString(answer), clock.instant()));
            return answer;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store or read the answer to request " + id, e);
        }
    }
}
