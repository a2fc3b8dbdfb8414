package cn.jiyun.fulfillment.audit;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Records and lists the trail. */
@Service
public class AuditTrail {

    /** Who an action is recorded under when no one is logged in (the scheduler, the connectors, the bootstrap). */
    public static final String SYSTEM = "system";

    private final AuditEvents events;
    private final Clock clock;

    AuditTrail(AuditEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records an action of the logged-in user (or {@link #SYSTEM}) in the action's own transaction: it is kept only
     * if the action is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long cooperativeId, AuditKind kind, String subject, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        JiyunUser actor = auth != null && auth.getPrincipal() instanceof JiyunUser user ? user : null;
        events.save(new AuditEvent(cooperativeId, actor == null ? null : actor.userId(),
                actor == null ? SYSTEM : actor.username(), kind, truncate(subject, 200), truncate(detail, 1000),
                clock.instant()));
    }

    /** What to list: all of them null for everything (of the cooperative, for an admin). */
    public record Filter(String username, AuditKind kind, LocalDate day) {
    }

    /** The cooperative's trail, newest first; {@code cooperativeId} null: every cooperative's (an operator's view). */
    @Transactional(readOnly = true)
    public Page<AuditEvent> list(Long cooperativeId, Filter filter, Pageable pageable) {
        List<Specification<AuditEvent>> parts = new ArrayList<>();
        if (cooperativeId != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("cooperativeId"), cooperativeId));
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            parts.add((root, q, cb) -> cb.equal(root.get("actorUsername"), filter.username().strip()));
        }
        if (filter.kind() != null) {
            parts.add((root, q, cb) -> cb.equal(root.get("kind"), filter.kind()));
        }
        if (filter.day() != null) {
            Instant from = filter.day().atStartOfDay(ChinaTime.ZONE).toInstant();
            Instant to = filter.day().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
            parts.add((root, q, cb) -> cb.and(cb.greaterThanOrEqualTo(root.get("at"), from),
                    cb.lessThan(root.get("at"), to)));
        }
        return events.findAll(Specification.allOf(parts), pageable);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
