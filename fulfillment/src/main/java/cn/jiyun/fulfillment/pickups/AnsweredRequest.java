package cn.jiyun.fulfillment.pickups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** The answer given to a user's request id, returned again when the same request is sent again. */
@Entity
@Immutable
@Table(name = "answered_request")
class AnsweredRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "answer_json", nullable = false)
    private String answerJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AnsweredRequest() {
    }

    AnsweredRequest(Long userId, String requestId, String answerJson, Instant createdAt) {
        this.userId = userId;
        this.requestId = requestId;
        this.answerJson = answerJson;
        this.createdAt = createdAt;
    }

    String answerJson() {
        return answerJson;
    }
}
