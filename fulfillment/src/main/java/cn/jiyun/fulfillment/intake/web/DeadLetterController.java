package cn.jiyun.fulfillment.intake.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.intake.DeadLetterEntry;
import cn.jiyun.fulfillment.intake.DeadLetterService;
import cn.jiyun.fulfillment.security.JiyunUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform messages that could not become orders: see them, retry them, or close them. */
@RestController
@Transactional
@RequestMapping("/api/dead-letters")
@Tag(name = "Intake")
class DeadLetterController {

    /** Why a dead letter is closed without retrying. */
    record DiscardRequest(@Size(max = 1000) String note) {
    }

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "The cooperative's dead letters, newest first unless sorted otherwise")
    PagedModel<DeadLetterView> list(@AuthenticationPrincipal JiyunUser user,
                                    @RequestParam(required = false) DeadLetterEntry.Status status,
                                    @SortableBy({"id", "receivedAt", "status", "platform"}) Pageable pageable) {
        return new PagedModel<>(deadLetters.list(user.cooperativeId(), status, pageable).map(DeadLetterView::of));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    DeadLetterView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return DeadLetterView.of(deadLetters.get(user.cooperativeId(), id));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Fetch the shop's orders from its platform again, so the message's order goes through")
    DeadLetterView retry(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return DeadLetterView.of(deadLetters.retry(user.cooperativeId(), id));
    }

    @PostMapping("/{id}/discard")
    DeadLetterView discard(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                           @Valid @RequestBody(required = false) DiscardRequest request) {
        return DeadLetterView.of(deadLetters.discard(user.cooperativeId(), id, request == null ? null : request.note()));
    }
}
