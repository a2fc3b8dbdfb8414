package cn.jiyun.fulfillment.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One entry of the trail; immutable once written. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id")
    private Long cooperativeId;

    @Column(name = "actor_user_id")
    private Long actorUserId;

    @Column(name = "actor_username", nullable = false)
    private String actorUsername;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditKind kind;

    @Column(nullable = false)
    private String subject;

    private String detail;

    @Column(nullable = false)
    private Instant at;

    protected AuditEvent() {
    }

    AuditEvent(Long cooperativeId, Long actorUserId, String actorUsername, AuditKind kind, String subject,
               String detail, Instant at) {
        this.cooperativeId = cooperativeId;
        this.actorUserId = actorUserId;
        this.actorUsername = actorUsername;
        this.kind = kind;
        this.subject = subject;
        this.detail = detail;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public Long actorUserId() {
        return actorUserId;
    }

    public String actorUsername() {
        return actorUsername;
    }

    public AuditKind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }

    public Instant at() {
        return at;
    }
}
