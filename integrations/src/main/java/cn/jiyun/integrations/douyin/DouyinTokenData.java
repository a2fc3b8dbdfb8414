package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code data} of {@code token.create}/{@code token.refresh} (README 1.3). Never printed with its tokens. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DouyinTokenData(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("shop_id") String shopId,
        @JsonProperty("shop_name") String shopName) {

    @Override
    public String toString() {
        return "DouyinTokenData[shop_id=" + shopId + ", expires_in=" + expiresIn + "]";
    }
}
