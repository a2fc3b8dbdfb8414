package cn.jiyun.integrations.kuaishou;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code /oauth2/refresh_token} (README 2.3): a new access token and a new,
 * rotated refresh token. {@link #toString()} hides both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KuaishouTokenResponse(
        @JsonProperty("result") Integer result,
        @JsonProperty("error") String error,
        @JsonProperty("error_msg") String errorMsg,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn) {

    /** {@code access_denied} (invalid, discarded or revoked refresh token). */
    static final int ACCESS_DENIED = 100200102;
    /** {@code invalid_grant}. */
    static final int INVALID_GRANT = 100200105;

    boolean succeeded() {
        return result != null && result == 1 && accessToken != null && !accessToken.isBlank();
    }

    /** Only a new authorisation by the seller can recover from these. */
    boolean authorisationGone() {
        return result != null && (result == ACCESS_DENIED || result == INVALID_GRANT);
    }

    String describe() {
        return "result " + result + (error == null ? "" : " " + error) + (errorMsg == null ? "" : " " + errorMsg);
    }

    @Override
    public String toString() {
        return "KuaishouTokenResponse[result=" + result + ", tokens hidden]";
    }
}
