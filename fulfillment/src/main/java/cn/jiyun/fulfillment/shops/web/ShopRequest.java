package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.integrations.Platform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A shop to register: the platform, the platform's shop id and a name; optionally the seller who owns it. */
public record ShopRequest(
        @NotNull Platform platform,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_\\-]+", message = "must be the platform's shop id")
        String shopId,
        @NotBlank @Size(max = 200) String name,
        Long sellerUserId) {
}
