package cn.jiyun.fulfillment.hubs.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.security.JiyunUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** The cooperative's county hubs. */
@RestController
@Transactional
@RequestMapping("/api/hubs")
@Tag(name = "Hubs")
class HubController {

    private final HubService hubs;

    HubController(HubService hubs) {
        this.hubs = hubs;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "The cooperative's hubs, a page at a time")
    PagedModel<HubView> list(@AuthenticationPrincipal JiyunUser user, @SortableBy({"id", "name"}) Pageable pageable) {
        return new PagedModel<>(hubs.list(user.cooperativeId(), pageable).map(HubView::of));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    HubView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return HubView.of(hubs.get(user.cooperativeId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HubView create(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody HubRequest request) {
        return HubView.of(hubs.create(user.cooperativeId(), request.details()));
    }

    @PutMapping("/{id}")
    HubView update(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                   @Valid @RequestBody HubRequest request) {
        return HubView.of(hubs.update(user.cooperativeId(), id, request.details()));
    }
}
