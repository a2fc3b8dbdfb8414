package cn.jiyun.integrations.sandbox;

import com.github.tomakehurst.wiremock.http.Request;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as a platform gateway reads it: the decoded query string, the decoded form body when
 * it is form-encoded, the raw body and the headers.
 */
record WireRequest(String method, String path, Map<String, String> query, Map<String, String> form, String body,
                   Map<String, String> headers) {

    static WireRequest of(Request request) {
        URI uri = URI.create(request.getUrl());
        String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
        String contentType = request.getHeader("Content-Type");
        Map<String, String> form = contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? decode(body) : Map.of();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.getAllHeaderKeys()) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeader(name));
        }
        return new WireRequest(request.getMethod().getName(), uri.getRawPath(), decode(uri.getRawQuery()), form, body,
                Collections.unmodifiableMap(headers));
    }

    /** A parameter from the form body, else from the query string (Kuaishou accepts either). */
    String parameter(String name) {
        String value = form.get(name);
        return value != null ? value : query.get(name);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }
}
