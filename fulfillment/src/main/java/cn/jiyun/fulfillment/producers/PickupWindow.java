package cn.jiyun.fulfillment.producers;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalTime;

/** A daily span (local time) in which a producer can hand parcels to a courier. */
@Embeddable
public record PickupWindow(
        @Column(name = "starts_at", nullable = false) @JsonFormat(pattern = "HH:mm") LocalTime startsAt,
        @Column(name = "ends_at", nullable = false) @JsonFormat(pattern = "HH:mm") LocalTime endsAt) {

    public PickupWindow {
        if (startsAt == null || endsAt == null || !startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("a pickup window must start before it ends");
        }
    }

    public boolean overlaps(PickupWindow other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
