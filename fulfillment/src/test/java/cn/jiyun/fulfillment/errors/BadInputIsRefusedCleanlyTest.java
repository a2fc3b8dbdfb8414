package cn.jiyun.fulfillment.errors;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Malformed, extreme and hostile values thrown at every write endpoint of the API and at every list's query
 * parameters (issue 14): never a 5xx, every refusal an RFC 7807 problem that names the bad field, and nothing
 * changed in the store by a refused request (the rows of the cooperative's tables counted before and after).
 *
 * <p>The endpoints are not listed here: they come from the application's {@link RequestMappingHandlerMapping}, and
 * each field of a request body from its record type (with its constraints), so a new endpoint or field is covered
 * without a line here. What each Java type gets is in {@link #badValues}: fixed values a careless or hostile client
 * sends (wrong JSON types, fractions, out-of-range and NaN numbers, bad dates, blank and invisible text, 1 MB text,
 * SQL and script, ids that exist nowhere) and a few generated from a fixed seed ({@link Generated}), so every run
 * sends the same requests and a failure names the exact value.
 *
 * <p>Why a table of generated values under JUnit's {@code @TestFactory} and not jqwik (the issue allows either):
 * jqwik's generators refuse to run outside its own engine's threads ({@code OutsideJqwikException}), its engine does
 * not run Spring's test context (no {@code jqwik-spring} is served here), and a second, hand-built context would test
 * another wiring, store and login than every other API test. Here the test is an {@link H2gisTest} like
 * {@code ErrorBodiesTest} and {@code RoleMatrixTest}, shares their cached context and logs in the same way. What it
 * gives up is shrinking, which matters little when each case is one field and one value, named in its display name.
 * Besides, jqwik 1.10's engine prints on every run that AI agents must not use it and that its results are to be
 * disregarded; this test was written by one, and that notice would sit in every build log.
 */
@H2gisTest
class BadInputIsRefusedCleanlyTest {

    private static final long SEED = 14L;
    private static final int GENERATED_PER_TYPE = 3;
    private static final long NOWHERE = 987_654_321L;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String MEGABYTE = "a".repeat(1_000_000);
    private static final List<String> HOSTILE_TEXT = List.of(
            "' OR '1'='1", "1; DROP TABLE orders; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://x/a}", "../../etc/passwd", "\u0000", "\ud83c\udf47葡萄");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** What the requests are sent against: a cooperative with one of everything, and its admin. */
    private record World(Cooperative coop, JiyunUser admin, JiyunUser operator, Map<String, Long> ids) {
        /** Who may call {@code path}: Jiyun's operator for the cooperatives themselves, else the admin. */
        JiyunUser caller(String path) {
            return path.startsWith("/api/cooperatives") ? operator : admin;
        }
    }

    /** A bad value for a field: its JSON text, and whether the field's type or constraints must refuse it. */
    private record Bad(String label, String json, boolean mustRefuse) {
        static Bad refused(String label, String json) {
            return new Bad(label, json, true);
        }

        static Bad any(String label, String json) {
            return new Bad(label, json, false);
        }
    }

    /** One field of a body: where it sits, its Java type and what constrains it. */
    private record Field(List<Object> path, Type type, AnnotatedElement annotations) {
        String name() {
            return path.stream().filter(p -> p instanceof String).map(Object::toString)
                    .reduce((a, b) -> b).orElse("body");
        }

        /** The field and the fields of the body it sits in, outermost first. */
        List<String> names() {
            return path.stream().filter(p -> p instanceof String).map(Object::toString).toList();
        }

        String dotted() {
            StringBuilder s = new StringBuilder();
            for (Object p : path) {
                s.append(p instanceof Integer i ? "[" + i + "]" : (s.isEmpty() ? "" : ".") + p);
            }
            return s.toString();
        }
    }

    private World world() {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        Hub hub = fixtures.hub(coop, "测试集散中心", 106.20, 37.99);
        Producer producer = fixtures.producer(coop, "测试农户", 105.68, 37.49);
        fixtures.vehicle(coop, hub);
        Shop shop = fixtures.shop(coop, Platform.SPREADSHEET, null);
        String sku = fixtures.sku(coop, shop, producer, 500);
        Order order = fixtures.paidOrder(shop, sku, 1);
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("hub", hub.id());
        ids.put("producer", producer.id());
        ids.put("vehicle", jdbc.sql("SELECT id FROM vehicle WHERE cooperative_id = :c").param("c", coop.id())
                .query(Long.class).single());
        ids.put("shop", shop.id());
        ids.put("mapping", jdbc.sql("SELECT id FROM sku_mapping WHERE shop_id = :s").param("s", shop.id())
                .query(Long.class).single());
        ids.put("order", order.id());
        return new World(coop, admin, fixtures.user(coop, Role.OPERATOR), ids);
    }

    // ---------------------------------------------------------------- write endpoints

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointRefusesBadBodiesWithoutChangingTheStore() {
        World world = world();
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        List<Endpoint> writes = endpoints().stream().filter(e -> !e.method.equals("GET")).toList();
        assertThat(writes).as("the API's write endpoints, found at run time").hasSizeGreaterThan(20);
        for (Endpoint endpoint : writes) {
            String path = concrete(endpoint, world, Map.of());
            MethodParameter body = endpoint.parameter(RequestBody.class);
            if (body != null) {
                ObjectNode baseline = (ObjectNode) baseline(body.getParameterType(), world, "");
                for (Map.Entry<String, String> whole : wholeBodies().entrySet()) {
                    tests.add(dynamic(endpoint + " body " + whole.getKey(), () -> expect(world, endpoint.method,
                            path, whole.getValue(), MediaType.APPLICATION_JSON, List.of(), Bad.any(whole.getKey(), ""))));
                }
                for (Field field : fields(body.getParameterType(), new ArrayList<>(), body.getParameter())) {
                    for (Bad bad : badValues(field, random)) {
                        String text = withValue(baseline, field.path(), bad.json());
                        tests.add(dynamic(endpoint + " " + field.dotted() + " = " + bad.label(),
                                () -> expect(world, endpoint.method, path, text, MediaType.APPLICATION_JSON,
                                        field.names(), bad)));
                    }
                }
            } else if (endpoint.takesAFile()) {
                tests.add(dynamic(endpoint + " without a file", () -> expectMultipart(world, path, null,
                        Bad.refused("no file", ""))));
                tests.add(dynamic(endpoint + " with 1 MB of nonsense", () -> expectMultipart(world, path,
                        new MockMultipartFile("file", "orders.csv", "text/csv", MEGABYTE.getBytes()), Bad.any("1 MB", ""))));
                tests.add(dynamic(endpoint + " with an empty sheet", () -> expectMultipart(world, path,
                        new MockMultipartFile("file", "orders.xlsx", "application/octet-stream", new byte[0]),
                        Bad.any("empty", ""))));
            } else {
                tests.add(dynamic(endpoint + " with a stray body", () -> expect(world, endpoint.method, path,
                        "{\"x\": [1, {\"y\": null}]}", MediaType.APPLICATION_JSON, List.of(), Bad.any("stray", ""))));
            }
            for (MethodParameter variable : endpoint.parameters(PathVariable.class)) {
                String name = variableName(variable);
                List<Bad> nonsense = List.of(Bad.refused("abc", "abc"), Bad.any("-1", "-1"), Bad.any("0", "0"),
                        Bad.refused("1.5", "1.5"), Bad.refused("2^67", "147573952589676412928"),
                        Bad.refused("NaN", "NaN"), Bad.refused("sql", "%27%20OR%201=1"));
                for (Bad bad : nonsense) {
                    String badPath = concrete(endpoint, world, Map.of(name, bad.json()));
                    String bodyText = body == null ? null : text(baseline(body.getParameterType(), world, ""));
                    tests.add(dynamic(endpoint + " {" + name + "} = " + bad.label(), () -> {
                        if (endpoint.takesAFile()) {
                            expectMultipart(world, badPath, new MockMultipartFile("file", "orders.csv", "text/csv",
                                    "a,b\n".getBytes()), bad, List.of(name));
                        } else {
                            expect(world, endpoint.method, badPath, bodyText, MediaType.APPLICATION_JSON,
                                    List.of(name), bad);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** Bodies that are not one JSON object of the request's type. */
    private static Map<String, String> wholeBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("missing", null);
        bodies.put("empty", "");
        bodies.put("null", "null");
        bodies.put("array", "[]");
        bodies.put("string", "\"hub\"");
        bodies.put("number", "42");
        bodies.put("truncated", "{\"name\": ");
        bodies.put("unknown field", "{\"isAdmin\": true}");
        bodies.put("nested 5000 deep", "[".repeat(5_000) + "]".repeat(5_000));
        bodies.put("1 MB string", "\"" + MEGABYTE + "\"");
        return bodies;
    }

    // ---------------------------------------------------------------- lists

    @TestFactory
    Stream<DynamicTest> everyListRefusesBadQueryParametersWithAProblemNamingThem() {
        World world = world();
        Random random = new Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        List<Endpoint> lists = endpoints().stream().filter(e -> e.method.equals("GET"))
                .filter(e -> e.parameter(Pageable.class) != null || e.parameter(RequestParam.class) != null).toList();
        assertThat(lists).as("the API's lists, found at run time").hasSizeGreaterThan(6);
        for (Endpoint endpoint : lists) {
            String path = concrete(endpoint, world, Map.of());
            Map<String, List<Bad>> parameters = new TreeMap<>();
            if (endpoint.parameter(Pageable.class) != null) {
                List<Bad> whole = new ArrayList<>(List.of(Bad.refused("-1", "-1"), Bad.refused("1.5", "1.5"),
                        Bad.refused("NaN", "NaN"), Bad.refused("Infinity", "Infinity"),
                        Bad.refused("huge", "99999999999999999999"), Bad.refused("words", "ten"),
                        Bad.refused("script", "<script>")));
                parameters.put("page", listOf(whole, Bad.refused("max int", String.valueOf(Integer.MAX_VALUE))));
                parameters.put("size", listOf(whole, Bad.refused("0", "0"), Bad.refused("100000", "100000")));
                parameters.put("sort", List.of(Bad.refused("nonexistent", "nonexistent"),
                        Bad.refused("a secret", "accessToken"), Bad.refused("sql", "id; DROP TABLE hub"),
                        Bad.refused("a path", "shop.cooperativeId,desc"), Bad.refused("1 kB", "x".repeat(1_000))));
            }
            for (MethodParameter parameter : endpoint.parameters(RequestParam.class)) {
                String name = parameterName(parameter, parameter.getParameterAnnotation(RequestParam.class).value());
                parameters.put(name, queryValues(name, parameter.getParameterType(), random));
            }
            parameters.forEach((name, values) -> {
                for (Bad bad : values) {
                    String url = UriComponentsBuilder.fromPath(path).queryParam(name, "{v}")
                            .queryParamIfPresent("withinKm", name.equals("hubId")
                                    ? java.util.Optional.of("5") : java.util.Optional.empty())
                            .queryParamIfPresent("hubId", name.equals("withinKm")
                                    ? java.util.Optional.of(String.valueOf(world.ids().get("hub")))
                                    : java.util.Optional.empty())
                            .encode().buildAndExpand(bad.json()).toUriString();
                    tests.add(dynamic("GET " + endpoint.pattern + "?" + name + "=" + bad.label(),
                            () -> expect(world, "GET", url, null, null, List.of(name), bad)));
                }
            });
        }
        return tests.stream();
    }

    private static List<Bad> queryValues(String name, Class<?> type, Random random) {
        List<Bad> values = new ArrayList<>();
        if (type == Long.class || type == Integer.class || type == Double.class) {
            values.addAll(List.of(Bad.refused("words", "ten"), Bad.refused("huge", "1" + "0".repeat(400)),
                    Bad.refused("script", "<script>"), Bad.any("-1", "-1"), Bad.any("nowhere", String.valueOf(NOWHERE))));
            if (type == Double.class) {
                values.addAll(List.of(Bad.refused("NaN", "NaN"), Bad.refused("Infinity", "Infinity"),
                        Bad.refused("-Infinity", "-Infinity"), Bad.any("tiny", "1e-320")));
            } else {
                values.add(Bad.refused("1.5", "1.5"));
            }
        } else if (type.isEnum()) {
            values.addAll(List.of(Bad.refused("unknown", "NOPE"), Bad.refused("ordinal", "0"),
                    Bad.refused("sql", "PAID' OR '1'='1")));
        } else if (type == LocalDate.class) {
            values.addAll(List.of(Bad.refused("not-a-date", "not-a-date"), Bad.refused("yesterday", "yesterday"),
                    Bad.refused("30 Feb", "2026-02-30"), Bad.refused("year 10^9", "+1000000000-01-01"),
                    Bad.any("year 1", "0001-01-01"), Bad.any("year 9999", "9999-12-31")));
        } else if (type == String.class && name.equals("bbox")) {
            values.addAll(List.of(Bad.refused("NaN", "NaN,NaN,NaN,NaN"), Bad.refused("Infinity",
                            "-Infinity,-Infinity,Infinity,Infinity"), Bad.refused("three", "1,2,3"),
                    Bad.refused("inverted", "108,39,104,35"), Bad.refused("out of range", "-999,-99,999,99"),
                    Bad.refused("words", "a,b,c,d"), Bad.refused("empty parts", ",,,"),
                    Bad.refused("hex", "0x1p3,1,2,3")));
        } else if (type == String.class) {
            values.addAll(List.of(Bad.any("1 kB", "x".repeat(1_000)), Bad.any("invisible", "\u200b\u3000 ")));
            HOSTILE_TEXT.forEach(t -> values.add(Bad.any(printable(t), t)));
            Generated.texts(random, 40).forEach(t -> values.add(Bad.any(printable(t), t)));
        }
        return values;
    }

    // ---------------------------------------------------------------- the request and what it must answer

    private void expect(World world, String method, String path, String body, MediaType type, List<String> field,
                        Bad bad) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method),
                        java.net.URI.create(path))
                .with(user(world.caller(path))).with(csrf());
        if (body != null) {
            request.contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Long> before = counts(world);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        judge(world, response, before, field, bad);
    }

    private void expectMultipart(World world, String path, MockMultipartFile file, Bad bad) throws Exception {
        expectMultipart(world, path, file, bad, file == null ? List.of("file") : List.of());
    }

    private void expectMultipart(World world, String path, MockMultipartFile file, Bad bad, List<String> named)
            throws Exception {
        var request = MockMvcRequestBuilders.multipart(java.net.URI.create(path));
        request.with(user(world.caller(path))).with(csrf());
        if (file != null) {
            request.file(file);
        }
        Map<String, Long> before = counts(world);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        judge(world, response, before, named, bad);
    }

    private void judge(World world, MockHttpServletResponse response, Map<String, Long> before, List<String> path,
                       Bad bad)
            throws Exception {
        int status = response.getStatus();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("never a 5xx: %s", abbreviated(text)).isLessThan(500);
        if (bad.mustRefuse()) {
            assertThat(status).as("refused as a bad request: %s", abbreviated(text)).isEqualTo(400);
        }
        if (status < 300) {
            solvingEnded(world); // an accepted plan writes its routes when solving ends, in another thread
        }
        if (status >= 400) {
            assertThat(response.getContentType()).as("a problem body: %s", abbreviated(text))
                    .isNotNull().startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = json.readTree(text);
            assertThat(problem.path("status").asInt()).as("the problem's status").isEqualTo(status);
            assertThat(text).as("no internals in the answer").doesNotContain("cn.jiyun", "Exception", "SQL");
            if (!path.isEmpty() && status == 400 && bad.mustRefuse()) {
                List<String> named = new ArrayList<>();
                problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
                // the field itself, or the field of the body it sits in (pins for pins[0].day)
                List<String> accepted = new ArrayList<>(path);
                boolean names = named.stream().map(n -> n.replaceAll("\\[\\d+]", "").split("\\."))
                        .anyMatch(steps -> Stream.of(steps).anyMatch(accepted::contains))
                        || (named.isEmpty() && accepted.stream().anyMatch(problem.path("detail").asText()::contains));
                assertThat(names).as("the problem names %s: %s", path, abbreviated(text)).isTrue();
            }
            Map<String, Long> after = counts(world);
            assertThat(after.entrySet()).as("a refused request changes nothing in the store")
                    .containsExactlyInAnyOrderElementsOf(before.entrySet());
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    // ---------------------------------------------------------------- bad values per type

    private static List<Bad> badValues(Field field, Random random) {
        List<Bad> values = new ArrayList<>();
        AnnotatedElement a = field.annotations();
        boolean required = a != null && (a.isAnnotationPresent(NotNull.class) || a.isAnnotationPresent(NotBlank.class)
                || a.isAnnotationPresent(NotEmpty.class));
        values.add(new Bad("null", "null", required));
        Type type = field.type();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            Size size = a == null ? null : a.getAnnotation(Size.class);
            boolean notBlank = a != null && a.isAnnotationPresent(NotBlank.class);
            values.add(new Bad("empty", "\"\"", notBlank));
            values.add(new Bad("spaces", "\"   \"", notBlank));
            values.add(new Bad("invisible", quote("\u200b\u3000\ufeff "), notBlank));
            values.add(new Bad("1 MB", quote(MEGABYTE), size != null));
            values.add(Bad.refused("an object", "{\"name\": \"x\"}"));
            values.add(Bad.refused("an array", "[\"x\"]"));
            HOSTILE_TEXT.forEach(t -> values.add(Bad.any(printable(t), quote(t))));
            Generated.texts(random, 60).forEach(t -> values.add(Bad.any(printable(t), quote(t))));
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            Min min = a == null ? null : a.getAnnotation(Min.class);
            Max max = a == null ? null : a.getAnnotation(Max.class);
            values.add(Bad.refused("1.5", "1.5"));
            values.add(Bad.refused("words", "\"ten\""));
            values.add(Bad.refused("\"NaN\"", "\"NaN\""));
            values.add(Bad.refused("\"Infinity\"", "\"Infinity\""));
            values.add(Bad.refused("2^64", "18446744073709551616"));
            values.add(Bad.refused("10^400", "1" + "0".repeat(400)));
            values.add(Bad.refused("1e400", "1e400"));
            values.add(Bad.refused("true", "true"));
            values.add(Bad.refused("an object", "{}"));
            values.add(Bad.refused("an array", "[1]"));
            values.add(new Bad("-1", "-1", min != null && min.value() > -1));
            values.add(new Bad("long max", String.valueOf(Long.MAX_VALUE), max != null || raw == Integer.class
                    || raw == int.class));
            values.add(new Bad("int min", String.valueOf(Integer.MIN_VALUE), min != null));
            if (field.name().endsWith("Id") || field.name().endsWith("Ids")) {
                values.add(Bad.any("an id that exists nowhere", String.valueOf(NOWHERE)));
            }
            Generated.wholeNumbers(random).forEach(n -> values.add(new Bad(String.valueOf(n), String.valueOf(n),
                    (raw == Integer.class && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE))
                            || (min != null && n < min.value()) || (max != null && n > max.value()))));
        } else if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
            values.add(Bad.refused("\"NaN\"", "\"NaN\""));
            values.add(Bad.refused("\"Infinity\"", "\"Infinity\""));
            values.add(Bad.refused("\"-Infinity\"", "\"-Infinity\""));
            values.add(Bad.refused("1e400", "1e400"));
            values.add(Bad.refused("-1e400", "-1e400"));
            values.add(Bad.refused("1e999999999", "1e999999999"));
            values.add(Bad.refused("words", "\"ten\""));
            values.add(Bad.refused("an object", "{}"));
            values.add(Bad.refused("true", "true"));
            values.add(Bad.any("-0.0", "-0.0"));
            values.add(Bad.any("tiny", "4.9e-324"));
            Generated.doubles(random).forEach(d -> values.add(Bad.any(String.valueOf(d),
                    String.valueOf(d))));
        } else if (raw == boolean.class || raw == Boolean.class) {
            values.add(Bad.refused("\"yes\"", "\"yes\""));
            values.add(Bad.refused("2", "2"));
            values.add(Bad.refused("an object", "{}"));
            values.set(0, new Bad("null", "null", false));
        } else if (raw == LocalTime.class) {
            for (String t : List.of("25:00", "24:00", "12:60", "7:00", "noon", "", "-01:00", "07:00:00:00", "１２:００")) {
                values.add(Bad.refused(t.isEmpty() ? "empty" : t, quote(t)));
            }
            values.add(Bad.refused("a number", "700"));
            values.add(Bad.refused("an array", "[7, 0]"));
        } else if (raw == LocalDate.class) {
            for (String d : List.of("not-a-date", "yesterday", "2026-02-30", "2026-13-01", "+1000000000-01-01",
                    "03/12/2026", "")) {
                values.add(Bad.refused(d.isEmpty() ? "empty" : d, quote(d)));
            }
            values.add(Bad.refused("a number", "20261203"));
            // no list or plan of the API takes a day that has gone by as a day to act on
            values.add(Bad.refused("the past", quote(LocalDate.now(CHINA).minusDays(3).toString())));
        } else if (raw == Instant.class) {
            for (String t : List.of("not-an-instant", "2026-13-01T00:00:00Z", "2026-02-30T08:00:00Z", "2026-12-03",
                    "+1000000000-01-01T00:00:00Z", "")) {
                values.add(Bad.refused(t.isEmpty() ? "empty" : t, quote(t)));
            }
            values.add(Bad.refused("an object", "{}"));
            values.add(Bad.any("epoch 10^20 s", "100000000000000000000"));
            values.add(Bad.any("-10^18 s", "-1000000000000000000"));
            values.add(Bad.any("1", "1"));
            // a payment in 2099 is a typo (issue 14, finding 3)
            values.add(new Bad("2099", quote("2099-01-01T00:00:00Z"), field.name().equals("paidAt")));
        } else if (raw.isEnum()) {
            values.add(Bad.refused("unknown", "\"NOPE\""));
            values.add(Bad.refused("lower case", quote(((Enum<?>) raw.getEnumConstants()[0]).name().toLowerCase())));
            values.add(Bad.refused("ordinal 0", "0"));
            values.add(Bad.refused("ordinal 99", "99"));
            values.add(Bad.refused("an object", "{}"));
        } else if (Collection.class.isAssignableFrom(raw)) {
            Size size = a == null ? null : a.getAnnotation(Size.class);
            boolean notEmpty = a != null && a.isAnnotationPresent(NotEmpty.class);
            values.add(new Bad("empty", "[]", notEmpty));
            values.add(Bad.refused("an object", "{}"));
            values.add(Bad.refused("a string", "\"x\""));
            values.add(Bad.refused("[null]", "[null]"));
            values.add(Bad.refused("[[]]", "[[]]"));
            if (size != null && size.max() < 20_000) {
                String many = String.join(",", java.util.Collections.nCopies(size.max() + 1, "1"));
                values.add(Bad.refused(size.max() + 1 + " elements", "[" + many + "]"));
            }
        } else {
            // a nested object
            values.add(Bad.refused("an array", "[{}]"));
            values.add(Bad.refused("a string", "\"x\""));
            values.add(Bad.refused("a number", "1"));
            values.add(new Bad("empty", "{}", raw.isRecord() && Stream.of(raw.getRecordComponents())
                    .map(c -> annotationsOf(raw, c)).anyMatch(e -> e.isAnnotationPresent(NotNull.class)
                            || e.isAnnotationPresent(NotBlank.class) || e.isAnnotationPresent(NotEmpty.class))));
        }
        return values;
    }

    /**
     * Values drawn from a seeded {@link Random}, leaning to the edges where parsers and columns break: text mixing
     * ASCII, CJK, controls, zero-width and direction marks, lone surrogates and emoji; whole numbers around 0, the
     * int and long limits and anywhere between; doubles of every magnitude, subnormals included.
     */
    static final class Generated {

        private static final int[][] CODE_POINT_RANGES = {{0x20, 0x7e}, {0x4e00, 0x9fff}, {0x00, 0x1f},
                {0x200b, 0x200f}, {0x202a, 0x202e}, {0xd800, 0xdfff}, {0x1f300, 0x1f6ff}, {0xfff0, 0xffff}};

        private Generated() {
        }

        static List<String> texts(Random random, int maxLength) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < GENERATED_PER_TYPE; i++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(maxLength + 1);
                while (s.length() < length) {
                    int[] range = CODE_POINT_RANGES[random.nextInt(CODE_POINT_RANGES.length)];
                    int c = range[0] + random.nextInt(range[1] - range[0] + 1);
                    if (c >= 0xd800 && c <= 0xdfff) {
                        s.append((char) c); // a lone surrogate, which no valid UTF-16 text holds
                    } else {
                        s.appendCodePoint(c);
                    }
                }
                texts.add(s.toString());
            }
            return texts;
        }

        static List<Long> wholeNumbers(Random random) {
            long[] edges = {0, -1, 1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE,
                    Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE};
            List<Long> numbers = new ArrayList<>();
            for (int i = 0; i < GENERATED_PER_TYPE; i++) {
                numbers.add(random.nextBoolean() ? edges[random.nextInt(edges.length)] + random.nextInt(3) - 1
                        : random.nextLong());
            }
            return numbers;
        }

        static List<Double> doubles(Random random) {
            List<Double> numbers = new ArrayList<>();
            for (int i = 0; i < GENERATED_PER_TYPE; i++) {
                double d = Double.longBitsToDouble(random.nextLong());
                numbers.add(Double.isFinite(d) ? d : random.nextGaussian() * 1e6);
            }
            return numbers;
        }
    }

    private static List<Bad> listOf(List<Bad> first, Bad... more) {
        List<Bad> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static String printable(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().limit(24).forEach(c -> s.append(c < 0x20 || c == 0x7f || Character.getType(c)
                == Character.FORMAT || Character.getType(c) == Character.SURROGATE || Character.getType(c)
                == Character.UNASSIGNED ? String.format("\\u%04x", c) : Character.toString(c)));
        return "'" + s + (text.length() > 24 ? "…" : "") + "'";
    }

    private static String quote(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    // ---------------------------------------------------------------- the bodies

    /** Every field of a request type, its nested records' fields and one element of each list. */
    private static List<Field> fields(Class<?> type, List<Object> prefix, AnnotatedElement self) {
        List<Field> fields = new ArrayList<>();
        if (!type.isRecord()) {
            return fields;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            List<Object> path = new ArrayList<>(prefix);
            path.add(component.getName());
            AnnotatedElement annotations = annotationsOf(type, component);
            fields.add(new Field(path, component.getGenericType(), annotations));
            Class<?> raw = component.getType();
            if (raw.isRecord()) {
                fields.addAll(fields(raw, path, annotations));
            } else if (List.class.isAssignableFrom(raw)
                    && component.getGenericType() instanceof ParameterizedType p) {
                Type element = p.getActualTypeArguments()[0];
                List<Object> first = new ArrayList<>(path);
                first.add(0);
                fields.add(new Field(first, element, null));
                if (element instanceof Class<?> c && c.isRecord()) {
                    fields.addAll(fields(c, first, null));
                }
            }
        }
        return fields;
    }

    private static AnnotatedElement annotationsOf(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            return component.getAccessor();
        }
    }

    /** A body of the type that would be accepted where the ids of the world exist. */
    private JsonNode baseline(Type type, World world, String name) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            ObjectNode node = f.objectNode();
            for (RecordComponent c : raw.getRecordComponents()) {
                node.set(c.getName(), baseline(c.getGenericType(), world, c.getName()));
            }
            return node;
        }
        if (List.class.isAssignableFrom(raw)) {
            ArrayNode list = f.arrayNode();
            list.add(baseline(((ParameterizedType) type).getActualTypeArguments()[0], world,
                    name.endsWith("s") ? name.substring(0, name.length() - 1) : name));
            return list;
        }
        Instant now = Instant.now();
        return switch (raw.getSimpleName()) {
            case "String" -> f.textNode(switch (name) {
                case "countyCode" -> "640521";
                case "phone" -> "13900000000";
                case "shopId" -> "shop" + Fixtures.unique();
                case "policy" -> "greedy";
                case "code" -> "P-NOWHERE";
                default -> "测试 " + name;
            });
            case "Long", "long", "Integer", "int" -> switch (name) {
                case "homeHubId", "hubId", "hubIds" -> f.numberNode(world.ids().get("hub"));
                case "producerId" -> f.numberNode(world.ids().get("producer"));
                case "shopId" -> f.numberNode(world.ids().get("shop"));
                case "vehicleId" -> f.numberNode(world.ids().get("vehicle"));
                case "orderId" -> f.numberNode(world.ids().get("order"));
                case "capacityKg", "capacityLitres" -> f.numberNode(500);
                case "sellerUserId", "driverUserId", "courierUserId" -> f.nullNode();
                default -> f.numberNode(1);
            };
            case "Double", "double" -> f.numberNode(name.equals("latitude") ? 37.99 : 106.2);
            case "BigDecimal" -> f.numberNode(new BigDecimal("0.5"));
            case "Boolean", "boolean" -> f.booleanNode(false);
            case "LocalTime" -> f.textNode(switch (name) {
                case "opensAt" -> "07:00";
                case "closesAt", "eveningPlanAt" -> "20:00";
                case "carrierCutoff" -> "17:30";
                case "shiftStart", "startsAt" -> "08:00";
                default -> "18:00";
            });
            case "LocalDate" -> f.textNode(LocalDate.now(CHINA).plusDays(1).toString());
            case "Instant" -> f.textNode((name.equals("paidAt") ? now.minus(Duration.ofHours(1))
                    : now.plus(Duration.ofDays(2))).toString());
            default -> raw.isEnum() ? f.textNode(((Enum<?>) raw.getEnumConstants()[raw.getEnumConstants().length - 1])
                    .name()) : f.nullNode();
        };
    }

    /** The baseline with the field at {@code path} set to the raw JSON {@code value}. */
    private String withValue(ObjectNode baseline, List<Object> path, String value) {
        JsonNode copy = baseline.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            ((ArrayNode) parent).removeAll().addRawValue(new RawValue(value));
        } else {
            ((ObjectNode) parent).putRawValue((String) last, new RawValue(value));
        }
        return text(copy);
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the endpoints

    /** One method and path of the API, with its handler's parameters. */
    private record Endpoint(String method, String pattern, HandlerMethod handler) {
        MethodParameter parameter(Class<?> annotationOrType) {
            return Stream.of(handler.getMethodParameters()).filter(p -> annotationOrType.isAnnotation()
                    ? p.hasParameterAnnotation(annotationOrType.asSubclass(java.lang.annotation.Annotation.class))
                    : annotationOrType.isAssignableFrom(p.getParameterType())).findFirst().orElse(null);
        }

        boolean takesAFile() {
            return parameter(org.springframework.web.multipart.MultipartFile.class) != null;
        }

        List<MethodParameter> parameters(Class<? extends java.lang.annotation.Annotation> annotation) {
            return Stream.of(handler.getMethodParameters()).filter(p -> p.hasParameterAnnotation(annotation)).toList();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every method and path under /api/ of the application's own controllers. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("cn.jiyun")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.endsWith("/events")) {
                    continue; // the event streams are long-lived reads with no input but their id
                }
                var methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, entry.getValue()));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    /** The path with each variable an id of the world where one fits, else an id that exists nowhere. */
    private static String concrete(Endpoint endpoint, World world, Map<String, String> overrides) {
        String pattern = endpoint.pattern;
        String resource = pattern.split("/")[2];
        Map<String, String> values = new LinkedHashMap<>();
        Long own = switch (resource) {
            case "hubs" -> world.ids().get("hub");
            case "producers" -> world.ids().get("producer");
            case "vehicles" -> world.ids().get("vehicle");
            case "shops" -> world.ids().get("shop");
            case "orders" -> world.ids().get("order");
            default -> null;
        };
        values.put("id", String.valueOf(own == null ? NOWHERE : own));
        values.put("mappingId", String.valueOf(world.ids().get("mapping")));
        values.putAll(overrides);
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        while (m.find()) {
            m.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(
                    values.getOrDefault(m.group(1), m.group(1).equals("sequence") ? "1" : String.valueOf(NOWHERE))));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String variableName(MethodParameter parameter) {
        return parameterName(parameter, parameter.getParameterAnnotation(PathVariable.class).value());
    }

    private static String parameterName(MethodParameter parameter, String declared) {
        if (!declared.isEmpty()) {
            return declared;
        }
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    private static DynamicTest dynamic(String name, org.junit.jupiter.api.function.Executable check) {
        String shown = name.length() > 200 ? name.substring(0, 200) + "…" : name;
        return DynamicTest.dynamicTest(shown, () -> {
            try {
                check.execute();
            } catch (AssertionError wrong) {
                // the case in the message too: build reports show a dynamic test by its number only
                throw new AssertionError(shown + ": " + wrong.getMessage(), wrong);
            }
        });
    }

    // ---------------------------------------------------------------- the store

    /** Stops what an accepted request set solving (a plan may have been given an hour) and waits till it ended. */
    private void solvingEnded(World world) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(30);
        List<Long> solving;
        while (!(solving = jdbc.sql("SELECT id FROM plan WHERE cooperative_id = :c AND status = 'SOLVING'")
                .param("c", world.coop().id()).query(Long.class).list()).isEmpty()) {
            for (Long plan : solving) {
                mvc.perform(MockMvcRequestBuilders.post("/api/plans/{id}/stop", plan).with(user(world.admin())));
            }
            assertThat(Instant.now()).as("a stopped plan ends within 30 s").isBefore(giveUp);
            Thread.sleep(50);
        }
    }

    /**
     * The rows of every table of the store that belong to the world's cooperative: directly by its
     * {@code cooperative_id}, or through the order, producer, shop, plan or hub they hang from. Counted per
     * cooperative so that another test's rows, or a scheduler's, never make this one fail.
     */
    private Map<String, Long> counts(World world) {
        if (countQuery == null) {
            countQuery = countQuery();
        }
        Map<String, Object> row = jdbc.sql(countQuery).param("c", world.coop().id()).query().singleRow();
        Map<String, Long> counts = new TreeMap<>();
        row.forEach((k, v) -> counts.put(k.toLowerCase(), ((Number) v).longValue()));
        return counts;
    }

    private String countQuery;

    private String countQuery() {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT LOWER(table_name) AS t, LOWER(column_name) AS c FROM information_schema.columns
                WHERE LOWER(table_schema) = 'public'""").query().listOfRows();
        Map<String, List<String>> tables = new TreeMap<>();
        columns.forEach(r -> tables.computeIfAbsent((String) r.get("t"), k -> new ArrayList<>()).add((String) r.get("c")));
        Map<String, String> parents = Map.of("order_id", "orders", "producer_id", "producer", "shop_id", "shop",
                "plan_id", "plan", "hub_id", "hub", "vehicle_id", "vehicle");
        List<String> parts = new ArrayList<>();
        tables.forEach((table, cols) -> {
            if (table.startsWith("flyway") || table.startsWith("hte_") || table.startsWith("spatial_ref")
                    || table.startsWith("geometry_columns")) {
                return;
            }
            if (cols.contains("cooperative_id")) {
                parts.add("(SELECT COUNT(*) FROM " + table + " WHERE cooperative_id = :c) AS " + table);
            } else if (table.equals("cooperative")) {
                parts.add("(SELECT COUNT(*) FROM cooperative) AS cooperative");
            } else {
                parents.entrySet().stream().filter(p -> cols.contains(p.getKey())).findFirst().ifPresent(p ->
                        parts.add("(SELECT COUNT(*) FROM " + table + " x JOIN " + p.getValue() + " y ON x."
                                + p.getKey() + " = y.id WHERE y.cooperative_id = :c) AS " + table));
            }
        });
        if (parts.size() < 10) {
            fail("expected the store's main tables, found " + tables.keySet());
        }
        return "SELECT " + String.join(", ", parts);
    }
}
