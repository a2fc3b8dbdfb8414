package cn.jiyun.fulfillment.audit.web;

import cn.jiyun.fulfillment.audit.AuditEvent;

import java.time.Instant;

/** An entry of the trail as the API and the page show it. */
public record AuditView(Long id, Instant at, String actor, String kind, String subject, String detail,
                        Long cooperativeId) {

    static AuditView of(AuditEvent e) {
        return new AuditView(e.id(), e.at(), e.actorUsername(), e.kind().name(), e.subject(), e.detail(),
                e.cooperativeId());
    }
}
