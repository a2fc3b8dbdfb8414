package cn.jiyun.fulfillment.operators.web;

import cn.jiyun.fulfillment.operators.CooperativeOnboarding.OpenedCooperative;

import java.time.Instant;

/** A cooperative as the operators' API shows it. */
public record CooperativeView(Long id, String name, Instant createdAt, String status, Instant suspendedAt,
                              String suspensionReason, String adminUsername) {

    static CooperativeView of(OpenedCooperative opened) {
        var c = opened.cooperative();
        return new CooperativeView(c.id(), c.name(), c.createdAt(), c.suspended() ? "SUSPENDED" : "ACTIVE",
                c.suspendedAt(), c.suspensionReason(), opened.adminUsername());
    }
}
