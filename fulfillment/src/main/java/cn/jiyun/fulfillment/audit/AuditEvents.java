package cn.jiyun.fulfillment.audit;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Entries are added and read, never changed or deleted: the repository has no such method. */
interface AuditEvents extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    AuditEvent save(AuditEvent event);
}
