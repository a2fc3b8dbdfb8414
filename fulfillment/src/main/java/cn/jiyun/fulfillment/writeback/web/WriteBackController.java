package cn.jiyun.fulfillment.writeback.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.writeback.WriteBack;
import cn.jiyun.fulfillment.writeback.WriteBackQueue;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The queue of waybills to write back to the platforms. */
@RestController
@Transactional
@RequestMapping("/api/write-backs")
@Tag(name = "Intake")
class WriteBackController {

    /** A write-back as the API shows it. */
    record WriteBackView(Long id, Long orderId, Platform platform, Carrier carrier, String waybillNumber,
                         WriteBack.Status status, int attempts, String lastError, Instant nextAttemptAt,
                         Instant createdAt, Instant doneAt) {
        static WriteBackView of(WriteBack w) {
            return new WriteBackView(w.id(), w.orderId(), w.platform(), w.carrier(), w.waybillNumber(), w.status(),
                    w.attempts(), w.lastError(), w.nextAttemptAt(), w.createdAt(), w.doneAt());
        }
    }

    private final WriteBackQueue queue;

    WriteBackController(WriteBackQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Write-backs of the cooperative: pending, done, failed")
    PagedModel<WriteBackView> list(@AuthenticationPrincipal JiyunUser user,
                                   @RequestParam(required = false) WriteBack.Status status,
                                   @SortableBy({"id", "status", "createdAt", "nextAttemptAt", "attempts"})
                                   Pageable pageable) {
        return new PagedModel<>(queue.list(user.cooperativeId(), status, pageable).map(WriteBackView::of));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a failed write-back again")
    WriteBackView retry(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return WriteBackView.of(queue.retry(user.cooperativeId(), id));
    }
}
