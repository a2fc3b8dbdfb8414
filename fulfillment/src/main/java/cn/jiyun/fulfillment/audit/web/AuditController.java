package cn.jiyun.fulfillment.audit.web;

import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The audit trail, read only: an admin reads their cooperative's, an operator every cooperative's. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Who did what and when, newest first; filter by user, kind and day (China time)")
    PagedModel<AuditView> list(@AuthenticationPrincipal JiyunUser user,
                               @RequestParam(required = false) String username,
                               @RequestParam(required = false) AuditKind kind,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                               @RequestParam(required = false) Long cooperativeId,
                               @SortableBy({"at", "id"}) @PageableDefault(size = 50, sort = "at",
                                       direction = Sort.Direction.DESC) Pageable pageable) {
        // an admin's own cooperative only, whatever they ask; an operator may narrow to one
        Long scope = user.is(Role.OPERATOR) ? cooperativeId : user.cooperativeId();
        return new PagedModel<>(trail.list(scope, new AuditTrail.Filter(username, kind, day), pageable)
                .map(AuditView::of));
    }
}
