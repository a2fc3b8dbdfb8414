package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.shops.ShopService.Grant;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** New tokens a seller granted after the platform refused the old ones. */
public record AuthorisationRequest(@Size(max = 1000) String accessToken, @Size(max = 1000) String refreshToken,
                                   Instant accessTokenExpiresAt) {

    Grant grant() {
        return new Grant(accessToken, refreshToken, accessTokenExpiresAt);
    }

    @Override
    public String toString() {
        return "AuthorisationRequest[tokens hidden]";
    }
}
