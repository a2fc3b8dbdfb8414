package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.shops.ShopService.Grant;
import cn.jiyun.integrations.Platform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A shop to register: the platform, the platform's shop id and a name, the tokens the seller granted
 * Jiyun on the platform (Douyin and Kuaishou need both; WeChat and spreadsheets none), and
 * optionally the seller who owns it. Tokens are stored encrypted and never shown again.
 */
public record ShopRequest(
        @NotNull Platform platform,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_\\-]+", message = "must be the platform's shop id")
        String shopId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String accessToken,
        @Size(max = 1000) String refreshToken,
        Instant accessTokenExpiresAt,
        Long sellerUserId) {

    Grant grant() {
        return new Grant(accessToken, refreshToken, accessTokenExpiresAt);
    }

    @Override
    public String toString() {
        return "ShopRequest[" + platform + "/" + shopId + "]";
    }
}
