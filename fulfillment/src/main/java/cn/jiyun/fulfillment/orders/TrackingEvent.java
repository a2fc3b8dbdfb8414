package cn.jiyun.fulfillment.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One step in an order's history. Append-only: never changed once written. */
@Entity
@Immutable
@Table(name = "tracking_event")
public class TrackingEvent {

    @Id
    // from a sequence, 50 at a time, so that a page of new orders is inserted in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracking_event_seq")
    @SequenceGenerator(name = "tracking_event_seq", sequenceName = "tracking_event_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", updatable = false)
    private Order order;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrderStatus status;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String note;

    @Column(nullable = false, updatable = false)
    private String actor;

    protected TrackingEvent() {
    }

    TrackingEvent(Order order, OrderStatus status, Instant occurredAt, String note, String actor) {
        this.order = order;
        this.status = status;
        this.occurredAt = occurredAt;
        this.note = note;
        this.actor = actor;
    }

    public Long id() {
        return id;
    }

    public OrderStatus status() {
        return status;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String note() {
        return note;
    }

    public String actor() {
        return actor;
    }
}
