package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical {@code param_json} string Douyin signs (README 1.2): keys sorted at every level,
 * no whitespace, nothing escaped beyond what JSON requires, absent values omitted. The same
 * string is sent as the request body.
 */
final class DouyinParamJson {

    // A plain mapper: Jackson escapes neither non-ASCII, '/', nor HTML characters by default.
    private static final ObjectMapper WRITER = new ObjectMapper();

    private DouyinParamJson() {
    }

    static String of(Map<String, ?> params) {
        return of((JsonNode) WRITER.valueToTree(params));
    }

    static String of(JsonNode params) {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return "{}";
        }
        try {
            return WRITER.writeValueAsString(sorted(params));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("param_json cannot be written", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> byKey = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    byKey.put(field.getKey(), sorted(field.getValue()));
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            byKey.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
