package cn.jiyun.integrations.kuaishou;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * The envelope every Kuaishou API answers with; {@code result == 1} is success (README 2.4).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KuaishouResponse(
        @JsonProperty("result") Integer result,
        @JsonProperty("error_msg") String errorMsg,
        @JsonProperty("code") String code,
        @JsonProperty("msg") String msg,
        @JsonProperty("sub_code") String subCode,
        @JsonProperty("sub_msg") String subMsg,
        @JsonProperty("requestId") String requestId,
        @JsonProperty("data") JsonNode data) {

    static final int SUCCESS = 1;
    static final int AUTHORIZATION_REVOKED = 24;

    boolean succeeded() {
        return result != null && result == SUCCESS;
    }

    /** The seller withdrew the authorisation: only a person can fix that. */
    boolean authorisationRevoked() {
        return (result != null && result == AUTHORIZATION_REVOKED) || mentions("authorization_revoked");
    }

    /** "TOKEN过期" / "鉴权失败": the access token expired (or lacks scope); a refresh may cure it. */
    boolean accessTokenRejected() {
        return mentions("token过期") || mentions("鉴权失败") || mentions("token expired")
                || mentions("access_token expired") || mentions("invalid access_token");
    }

    /** The per-API QPS limit, including the undisclosed global one: pausing and retrying helps. */
    boolean throttled() {
        return mentions("exceed qps limit");
    }

    /** A daily quota is spent: retrying today will not help, tomorrow will. */
    boolean quotaExhausted() {
        return mentions("exceed quota limit");
    }

    /** The platform's code as it sent it: {@code result}, with {@code sub_code} when there is one. */
    String platformCode() {
        String base = result == null ? (code == null ? "unknown" : code) : result.toString();
        return subCode == null || subCode.isBlank() ? base : base + "/" + subCode;
    }

    String message() {
        return Stream.of(errorMsg, subMsg, msg).filter(m -> m != null && !m.isBlank()).findFirst()
                .orElse("no message");
    }

    private boolean mentions(String words) {
        return Stream.of(errorMsg, msg, subMsg, subCode, code)
                .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(words));
    }
}
