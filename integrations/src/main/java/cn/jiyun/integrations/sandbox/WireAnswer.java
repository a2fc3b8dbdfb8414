package cn.jiyun.integrations.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a sandbox platform answers: HTTP status, content type and body. */
record WireAnswer(int status, String contentType, String body) {

    /** Writes platform JSON: field order as built, non-ASCII as is, like the platforms' gateways. */
    static final ObjectMapper JSON = new ObjectMapper();

    static WireAnswer json(JsonNode body) {
        try {
            return new WireAnswer(200, "application/json;charset=UTF-8", JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox answer cannot be written", e);
        }
    }
}
