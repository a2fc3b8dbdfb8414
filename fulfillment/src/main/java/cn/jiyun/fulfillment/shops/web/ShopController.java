package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.ShopService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Shops on the platforms and their SKU→producer mappings. */
@RestController
@Transactional
@RequestMapping("/api/shops")
@Tag(name = "Shops")
class ShopController {

    private final ShopService shops;

    ShopController(ShopService shops) {
        this.shops = shops;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "The cooperative's shops; a seller sees only their own")
    PagedModel<ShopView> list(@AuthenticationPrincipal JiyunUser user,
                              @SortableBy({"id", "name", "platform"}) Pageable pageable) {
        return new PagedModel<>(shops.list(user, pageable).map(ShopView::of));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ShopView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return ShopView.of(shops.get(user, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COOP_ADMIN')")
    ShopView register(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody ShopRequest request) {
        return ShopView.of(shops.register(user.cooperativeId(), request.platform(), request.shopId(),
                request.name().strip(), request.sellerUserId(), request.grant()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('COOP_ADMIN')")
    ShopView update(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                    @Valid @RequestBody ShopUpdate request) {
        return ShopView.of(shops.update(user.cooperativeId(), id, request.name().strip(), request.sellerUserId()));
    }

    @PostMapping("/{id}/authorisation")
    @PreAuthorize("hasRole('COOP_ADMIN')")
    @Operation(summary = "Store new tokens for a shop whose authorisation the platform refused")
    ShopView reauthorise(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                         @Valid @RequestBody AuthorisationRequest request) {
        return ShopView.of(shops.reauthorise(user.cooperativeId(), id, request.grant()));
    }

    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('COOP_ADMIN')")
    @Operation(summary = "Fetch the shop's orders now instead of at the next poll")
    void synchronise(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        shops.synchroniseNow(user.cooperativeId(), id);
    }

    @GetMapping("/{id}/sku-mappings")
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COOP_ADMIN')")
    PagedModel<SkuMappingView> mappings(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                                        @SortableBy({"id", "platformSku", "productName"}) Pageable pageable) {
        return new PagedModel<>(shops.mappings(user.cooperativeId(), id, pageable).map(SkuMappingView::of));
    }

    @PostMapping("/{id}/sku-mappings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COOP_ADMIN')")
    SkuMappingView map(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                       @Valid @RequestBody SkuMappingRequest request) {
        return SkuMappingView.of(shops.map(user.cooperativeId(), id, request.details()));
    }

    @PutMapping("/{id}/sku-mappings/{mappingId}")
    @PreAuthorize("hasRole('COOP_ADMIN')")
    SkuMappingView remap(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                         @PathVariable Long mappingId, @Valid @RequestBody SkuMappingRequest request) {
        return SkuMappingView.of(shops.remap(user.cooperativeId(), id, mappingId, request.details()));
    }
}
