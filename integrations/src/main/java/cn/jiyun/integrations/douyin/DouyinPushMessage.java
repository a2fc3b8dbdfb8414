package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of the JSON array Douyin pushes (README 1.9); {@code data} is itself a JSON string.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DouyinPushMessage(
        @JsonProperty("tag") String tag,
        @JsonProperty("msg_id") String msgId,
        @JsonProperty("data") String data) {
}
