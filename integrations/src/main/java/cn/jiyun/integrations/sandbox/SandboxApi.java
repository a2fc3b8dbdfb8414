package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One platform's API as the sandbox serves it, in that platform's wire format, over the order book and
 * tokens all three share. A platform says which paths it answers; {@link PlatformSandbox} serves them
 * under the platform's prefix.
 */
abstract class SandboxApi {

    /** What every platform's API works on. */
    record Parts(SandboxCredentials credentials, OrderBook book, SandboxTokens tokens, Clock clock,
                 Consumer<SandboxWriteBack> writeBacks, EWaybillLedger eWaybills) {
    }

    /** How a platform answers, for the parts of its API kept in classes of their own (its e-waybill calls). */
    interface Replies {
        WireAnswer ok(JsonNode data);

        WireAnswer refused(int code, String subCode, String message);
    }

    final Platform platform;
    protected final SandboxCredentials credentials;
    protected final OrderBook book;
    protected final SandboxTokens tokens;
    protected final Clock clock;
    protected final Consumer<SandboxWriteBack> writeBacks;
    protected final EWaybillLedger eWaybills;

    SandboxApi(Platform platform, Parts parts) {
        this.platform = platform;
        this.credentials = parts.credentials();
        this.book = parts.book();
        this.tokens = parts.tokens();
        this.clock = parts.clock();
        this.writeBacks = parts.writeBacks();
        this.eWaybills = parts.eWaybills();
    }

    /** The paths this platform answers, below its prefix, each with its handler. */
    abstract Map<String, Function<WireRequest, WireAnswer>> paths();

    /** Dotted API method names at their paths, as Douyin and Kuaishou address them ({@code order.searchList} at {@code /order/searchList}). */
    static Map<String, Function<WireRequest, WireAnswer>> methodPaths(List<String> methods,
                                                                     BiFunction<WireRequest, String, WireAnswer> answer) {
        Map<String, Function<WireRequest, WireAnswer>> paths = new LinkedHashMap<>();
        methods.forEach(method -> paths.put("/" + method.replace('.', '/'), request -> answer.apply(request, method)));
        return paths;
    }

    /** Douyin and Kuaishou send shop and SKU ids as numbers; a non-numeric catalogue id goes out as a string. */
    static void putId(ObjectNode node, String field, String id) {
        if (!id.isEmpty() && id.length() < 19 && id.chars().allMatch(Character::isDigit)) {
            node.put(field, Long.parseLong(id));
        } else {
            node.put(field, id);
        }
    }

    /** Where the platform is served: {@code /douyin}, {@code /kuaishou}, {@code /wechat}. */
    static String prefix(Platform platform) {
        return "/" + platform.key();
    }
}
