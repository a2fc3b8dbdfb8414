package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of the JSON array Douyin pushes (README 1.9); {@code data} is documented as a JSON
 * string holding an object, and read leniently as the object itself too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DouyinPushMessage(
        @JsonProperty("tag") String tag,
        @JsonProperty("msg_id") String msgId,
        @JsonProperty("data") JsonNode data) {
}
