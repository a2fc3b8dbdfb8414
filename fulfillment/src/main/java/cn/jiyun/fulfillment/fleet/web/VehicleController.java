package cn.jiyun.fulfillment.fleet.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.security.JiyunUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** The cooperative's vehicles. */
@RestController
@Transactional
@RequestMapping("/api/vehicles")
@Tag(name = "Fleet")
class VehicleController {

    private final VehicleService vehicles;

    VehicleController(VehicleService vehicles) {
        this.vehicles = vehicles;
    }

    @GetMapping
    @Transactional(readOnly = true)
    PagedModel<VehicleView> list(@AuthenticationPrincipal JiyunUser user,
                                 @RequestParam(required = false) Long homeHubId,
                                 @SortableBy({"id", "name", "plate", "homeHubId"}) Pageable pageable) {
        return new PagedModel<>(vehicles.list(user.cooperativeId(), homeHubId, pageable).map(VehicleView::of));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    VehicleView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return VehicleView.of(vehicles.get(user.cooperativeId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    VehicleView create(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody VehicleRequest request) {
        return VehicleView.of(vehicles.create(user.cooperativeId(), request.details()));
    }

    @PutMapping("/{id}")
    VehicleView update(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                       @Valid @RequestBody VehicleRequest request) {
        return VehicleView.of(vehicles.update(user.cooperativeId(), id, request.details()));
    }
}
