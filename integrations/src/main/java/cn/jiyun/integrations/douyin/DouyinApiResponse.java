package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Douyin's response envelope (README 1.4). {@code code == 10000} is success; older responses
 * carry {@code err_no}/{@code message} instead, with {@code err_no == 0} meaning success.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DouyinApiResponse(
        @JsonProperty("code") Integer code,
        @JsonProperty("msg") String msg,
        @JsonProperty("sub_code") String subCode,
        @JsonProperty("sub_msg") String subMsg,
        @JsonProperty("log_id") String logId,
        @JsonProperty("err_no") Integer errNo,
        @JsonProperty("message") String message,
        @JsonProperty("data") JsonNode data) {

    static final int SUCCESS = 10000;
    static final int SERVICE_UNAVAILABLE = 20000;
    static final int RATE_LIMITED = 60000;

    /** The code in the current numbering, mapping the legacy {@code err_no} forms onto it. */
    int effectiveCode() {
        if (code != null) {
            return code;
        }
        if (errNo != null) {
            return errNo == 0 ? SUCCESS : errNo;
        }
        return -1;
    }

    boolean succeeded() {
        return effectiveCode() == SUCCESS;
    }

    String subCodeOrEmpty() {
        return subCode == null ? "" : subCode;
    }

    /** The platform code as one string, e.g. {@code 40003/isv.access-token-expired}. */
    String platformCode() {
        return subCodeOrEmpty().isEmpty() ? String.valueOf(effectiveCode()) : effectiveCode() + "/" + subCode;
    }

    String explanation() {
        String text = subMsg != null && !subMsg.isBlank() ? subMsg : msg != null ? msg : message;
        return (text == null ? "no message" : text) + " (log_id " + logId + ")";
    }
}
