package cn.jiyun.integrations.sync;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * One HTTP request to a webhook: the raw body exactly as received (signatures are over these bytes) and
 * its headers and query parameters by name.
 */
public record Push(byte[] body, UnaryOperator<String> parameters) {

    public Push {
        body = body == null ? new byte[0] : body;
    }

    /** A header or query parameter, or {@code null}. */
    public String parameter(String name) {
        return parameters.apply(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
