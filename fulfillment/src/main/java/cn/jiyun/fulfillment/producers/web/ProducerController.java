package cn.jiyun.fulfillment.producers.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerProximity;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.producers.web.ProducerView.HubDistance;
import cn.jiyun.fulfillment.security.JiyunUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
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

import java.util.List;
import java.util.Map;

/** The cooperative's producers. */
@RestController
@Transactional
@RequestMapping("/api/producers")
@Tag(name = "Producers")
class ProducerController {

    private final ProducerService producers;

    ProducerController(ProducerService producers) {
        this.producers = producers;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "The cooperative's producers with their nearest hub; with hubId and withinKm, "
            + "those within that distance of the hub, nearest first")
    PagedModel<ProducerView> list(@AuthenticationPrincipal JiyunUser user,
                                  @RequestParam(required = false) String countyCode,
                                  @RequestParam(required = false) Long hubId,
                                  @RequestParam(required = false) Double withinKm,
                                  @SortableBy({"id", "name"}) Pageable pageable) {
        Long cooperative = user.cooperativeId();
        if ((hubId == null) != (withinKm == null)) {
            throw new InvalidFieldException(hubId == null ? "hubId" : "withinKm", "hubId and withinKm go together");
        }
        if (hubId != null) {
            Page<ProducerService.NearHub> near = producers.nearHub(cooperative, hubId, withinKm, pageable);
            return new PagedModel<>(near.map(n -> ProducerView.of(n.producer(), null,
                    HubDistance.of(n.hubId(), n.metres()))));
        }
        Page<Producer> page = producers.list(cooperative, countyCode, pageable);
        List<Long> ids = page.getContent().stream().map(Producer::id).toList();
        Map<Long, ProducerProximity.Distance> nearest = producers.nearestHubs(cooperative, ids);
        return new PagedModel<>(page.map(p -> ProducerView.of(p, nearestOf(nearest, p.id()), null)));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ProducerView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        Producer producer = producers.get(user.cooperativeId(), id);
        return ProducerView.of(producer,
                nearestOf(producers.nearestHubs(user.cooperativeId(), List.of(id)), id), null);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProducerView create(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody ProducerRequest request) {
        Producer producer = producers.create(user.cooperativeId(), request.details());
        return get(user, producer.id());
    }

    @PutMapping("/{id}")
    ProducerView update(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                        @Valid @RequestBody ProducerRequest request) {
        producers.update(user.cooperativeId(), id, request.details());
        return get(user, id);
    }

    private static HubDistance nearestOf(Map<Long, ProducerProximity.Distance> nearest, Long producerId) {
        ProducerProximity.Distance d = nearest.get(producerId);
        return d == null ? null : HubDistance.of(d.hubId(), d.metres());
    }
}
