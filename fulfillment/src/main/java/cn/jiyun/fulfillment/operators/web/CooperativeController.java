package cn.jiyun.fulfillment.operators.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.operators.CooperativeOnboarding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Jiyun's operators open, list, suspend and resume cooperatives (the security configuration admits only them). */
@RestController
@RequestMapping("/api/cooperatives")
@Tag(name = "Cooperatives (operators)")
class CooperativeController {

    private final CooperativeOnboarding onboarding;

    CooperativeController(CooperativeOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @GetMapping
    @Operation(summary = "Every cooperative, a page at a time")
    PagedModel<CooperativeView> list(@SortableBy({"id", "name", "createdAt"}) Pageable pageable) {
        return new PagedModel<>(onboarding.list(pageable).map(CooperativeView::of));
    }

    @GetMapping("/{id}")
    CooperativeView get(@PathVariable Long id) {
        return CooperativeView.of(onboarding.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Opens a cooperative and its first admin, who can use the API at once")
    CooperativeView open(@Valid @RequestBody OpenCooperativeRequest request) {
        return CooperativeView.of(onboarding.open(request.name().strip(), request.adminUsername(),
                request.adminPassword()));
    }

    @PostMapping("/{id}/suspension")
    @Operation(summary = "Suspends a cooperative: its users cannot log in, its shops are not polled, nothing is deleted")
    CooperativeView suspend(@PathVariable Long id, @Valid @RequestBody SuspensionRequest request) {
        return CooperativeView.of(onboarding.suspend(id, request.reason().strip()));
    }

    @DeleteMapping("/{id}/suspension")
    @Operation(summary = "Resumes a suspended cooperative")
    CooperativeView resume(@PathVariable Long id) {
        return CooperativeView.of(onboarding.resume(id));
    }
}
