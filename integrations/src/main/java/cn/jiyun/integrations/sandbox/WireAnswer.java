package cn.jiyun.integrations.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a sandbox platform answers: HTTP status, content type, body and, for a redirect, where to. */
record WireAnswer(int status, String contentType, String body, String location) {

    WireAnswer(int status, String contentType, String body) {
        this(status, contentType, body, null);
    }

    /** A 302 to {@code location}, as an authorise page sends the seller back. */
    static WireAnswer redirect(String location) {
        return new WireAnswer(302, "text/plain;charset=UTF-8", "", location);
    }

    static WireAnswer html(int status, String page) {
        return new WireAnswer(status, "text/html;charset=UTF-8", page);
    }

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
