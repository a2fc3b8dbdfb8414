package cn.jiyun.fulfillment.isolation;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.intake.DeadLetterService;
import cn.jiyun.fulfillment.manifests.ApprovedRoute;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.Platform;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two cooperatives on one store, and every endpoint and page of the application tried by one cooperative's users
 * against the other's ids: each answer must be the answer for an id that exists nowhere, never the other's data and
 * never a "forbidden" that tells it exists; the other's rows stay as they were; no list or page shows the other's
 * names. The endpoints are read from the running application, so a new one is tried without editing this test.
 */
abstract class IsolationContract {

    private static final List<String> ROLES = List.of("COOP_ADMIN", "COURIER", "SELLER", "ANONYMOUS", "OPERATOR");
    private static final String NOWHERE = "987654321";
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadLetterService deadLetters;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Which of B's ids fills a path variable, by the path's beginning and the variable's name; written once. */
    private final Map<String, String> idsOfB = new LinkedHashMap<>();
    /** Strings only B's records hold: names, usernames, platform order ids, waybill numbers. */
    private final List<String> markersOfB = new ArrayList<>();

    @Test
    void oneCooperativesUsersFindNothingOfTheOthers() throws Exception {
        long started = System.nanoTime();
        ApprovedRoute a = ApprovedRoute.make(mvc, fixtures);
        JiyunUser sellerA = fixtures.user(a.cooperative(), Role.SELLER);
        fixtures.shop(a.cooperative(), Platform.DOUYIN, sellerA.userId());
        Map<String, JiyunUser> usersOfA = new LinkedHashMap<>();
        usersOfA.put("COOP_ADMIN", a.admin());
        usersOfA.put("COURIER", a.courier());
        usersOfA.put("SELLER", sellerA);
        usersOfA.put("OPERATOR", fixtures.user(null, Role.OPERATOR));

        ApprovedRoute b = cooperativeB();
        String fingerprint = fingerprint(b.cooperative());

        Map<String, List<String>> matrix = matrix();
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (String endpoint : endpoints()) {
            String[] parts = endpoint.split(" ", 2);
            if (parts[1].startsWith("/track/")) {
                continue; // public by design: a real token shows its order to anyone; tried below with guessed ones
            }
            List<String> answers = matrix.get(endpoint);
            assertThat(answers).as("a row in role-matrix.txt for " + endpoint).isNotNull();
            boolean withIds = VARIABLE.matcher(parts[1]).find();
            boolean operatorsOwn = operatorsOwn(parts[1]);
            for (int i = 0; i < ROLES.size(); i++) {
                JiyunUser user = usersOfA.get(ROLES.get(i));
                if (user == null || (!withIds && !answers.get(i).equals("in"))) {
                    continue;
                }
                if (ROLES.get(i).equals("OPERATOR") && operatorsOwn) {
                    continue; // the operator reads and suspends every cooperative (and reads its audit trail) by design
                }
                if (withIds) {
                    String ofB = fill(parts[1], true);
                    String nowhere = fill(parts[1], false);
                    MockHttpServletResponse toB = call(parts[0], ofB, user);
                    MockHttpServletResponse toNowhere = call(parts[0], nowhere, user);
                    cases++;
                    String as = endpoint + " as " + ROLES.get(i) + ": ";
                    if (toB.getStatus() != toNowhere.getStatus()) {
                        wrong.add(as + "B's id answered " + toB.getStatus() + ", an id that exists nowhere "
                                + toNowhere.getStatus());
                    } else if (toB.getStatus() < 300 && toB.getStatus() >= 200) {
                        wrong.add(as + "B's id answered " + toB.getStatus());
                    } else if (parts[1].startsWith("/api/")
                            && !normalised(toB, ofB).equals(normalised(toNowhere, nowhere))) {
                        wrong.add(as + "B's id answered otherwise than an id that exists nowhere: "
                                + toB.getContentAsString() + " / " + toNowhere.getContentAsString());
                    }
                    markers(as + "B's id", toB, wrong);
                } else if (parts[0].equals("GET")) {
                    cases++;
                    markers(endpoint + " as " + ROLES.get(i), call("GET", parts[1], user), wrong);
                }
            }
        }
        cases += idsInBodies(a, b, usersOfA, wrong);
        cases += publicTracking(a, b, wrong);
        if (!fingerprint(b.cooperative()).equals(fingerprint)) {
            wrong.add("B's rows changed while A's users tried everything: before " + fingerprint + "\nafter "
                    + fingerprint(b.cooperative()));
        }
        assertThat(wrong).isEmpty();
        System.out.printf("isolation: %d endpoint x role x id cases in %d ms%n", cases,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(cases).isGreaterThan(150);
    }

    /** B, fully: admin, courier, seller, shops, producers, hubs, vehicle, mappings, orders handed over, a plan. */
    private ApprovedRoute cooperativeB() throws Exception {
        ApprovedRoute b = ApprovedRoute.make(mvc, fixtures);
        Cooperative coop = b.cooperative();
        JiyunUser seller = fixtures.user(coop, Role.SELLER);
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, seller.userId());
        var producer = fixtures.producer(coop, "乙社隔离滩羊场", 105.75, 37.52);
        fixtures.hub(coop, "乙社隔离集散点", 105.90, 37.60);
        fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 800), 1);
        var letter = deadLetters.keep(new DeadLetter(Platform.KUAISHOU, shop.platformShopId(), "poll",
                "{\"oid\":\"乙社坏消息\"}", "乙社坏消息的原因", Instant.now()));
        List<String> codes = b.parcelCodes();
        send(b.courier(), "/api/routes/" + b.routeId() + "/pickups",
                "{\"codes\": [\"" + String.join("\", \"", codes) + "\"]}");
        send(b.courier(), "/api/hub/arrivals", "{\"codes\": [\"" + String.join("\", \"", codes) + "\"]}");
        long handedOver = b.orders().get(0).id();
        send(b.courier(), "/api/hub/handovers",
                "{\"orderId\": " + handedOver + ", \"carrier\": \"ZTO\", \"waybillNumber\": \"78399990000017\"}");
        long trackingDeadLetter = jdbc.sql("""
                        INSERT INTO tracking_dead_letter (cooperative_id, aggregator, carrier_code, waybill_number,
                            reason, raw_push, pushes, received_at, status)
                        VALUES (?, 'KUAIDI100', 'zhongtong', '78399990000099', '乙社未知运单', '{}', 1, ?, 'OPEN')""")
                .params(coop.id(), java.time.OffsetDateTime.now()).update() > 0
                ? jdbc.sql("SELECT MAX(id) FROM tracking_dead_letter WHERE cooperative_id = ?").param(coop.id())
                .query(Long.class).single() : -1;

        String hubs = "" + one("SELECT MIN(id) FROM hub WHERE cooperative_id = ?", coop);
        String producers = "" + producer.id();
        String vehicles = "" + one("SELECT MIN(id) FROM vehicle WHERE cooperative_id = ?", coop);
        String shops = "" + shop.id();
        String orders = "" + handedOver;
        String plans = "" + b.planId();
        String routes = "" + b.routeId();
        put(hubs, "id", "/api/hubs", "/admin/hubs");
        put(producers, "id", "/api/producers", "/admin/producers");
        put(vehicles, "id", "/api/vehicles", "/admin/vehicles");
        put(shops, "id", "/api/shops", "/admin/shops");
        put("" + one("SELECT MIN(id) FROM sku_mapping WHERE cooperative_id = ?", coop), "mappingId", "/api/shops");
        put(orders, "id", "/api/orders", "/orders", "/admin/attention");
        put(plans, "id", "/api/plans", "/board/plans");
        put(routes, "routeId", "/api/plans", "/board/plans", "/api/routes", "/manifests");
        put("1", "sequence", "/api/routes", "/manifests");
        // a platform names no record of anyone: both calls name the same one
        put("douyin", "platform", "/admin/shops/authorisation");
        put("" + letter.id(), "id", "/api/dead-letters", "/admin/dead-letters");
        put("" + one("SELECT MIN(id) FROM write_back WHERE cooperative_id = ?", coop), "id", "/api/write-backs",
                "/admin/write-backs");
        if (jdbc.sql("SELECT COUNT(*) FROM tracking_subscription WHERE cooperative_id = ?").param(coop.id())
                .query(Long.class).single() == 0) {
            // tracking is off in tests, so the handover queued none: B's subscription as a failed one would be
            var now = java.time.OffsetDateTime.now();
            jdbc.sql("""
                            INSERT INTO tracking_subscription (cooperative_id, order_id, carrier, waybill_number,
                                status, attempts, last_error, next_attempt_at, created_at, last_movement_at, version)
                            VALUES (?, ?, 'ZTO', '78399990000017', 'FAILED', 8, '乙社订阅失败', ?, ?, ?, 0)""")
                    .params(coop.id(), handedOver, now, now, now).update();
        }
        put("" + one("SELECT MIN(id) FROM tracking_subscription WHERE cooperative_id = ?", coop), "id",
                "/api/tracking/subscriptions");
        put("" + trackingDeadLetter, "id", "/api/tracking/dead-letters");
        // B's e-waybill account and its handed-over order's e-waybill, as the hub would have taken it
        var now = java.time.OffsetDateTime.now();
        jdbc.sql("""
                        INSERT INTO ewaybill_account (cooperative_id, platform, carrier, branch_code, account_id,
                            sender_name, sender_mobile, sender_province, sender_city, sender_district, sender_detail,
                            active, created_at, updated_at)
                        VALUES (?, 'DOUYIN', 'ZTO', 'NXB001', '乙社面单账号', '乙社隔离集散点', '13900000000',
                            '宁夏回族自治区', '吴忠市', '利通区', '乙社路 1 号', TRUE, ?, ?)""")
                .params(coop.id(), now, now).update();
        long accountOfB = one("SELECT MIN(id) FROM ewaybill_account WHERE cooperative_id = ?", coop);
        jdbc.sql("""
                        INSERT INTO ewaybill (cooperative_id, order_id, take_number, request_key, account_id, platform,
                            carrier, status, waybill_number, print_data, print_encrypted, receiver_masked,
                            retryable, attempts, requested_at, requested_by, taken_at, version)
                        VALUES (?, ?, 1, 'JYB1', ?, 'DOUYIN', 'ZTO', 'TAKEN', '78399990000017', '{}', FALSE,
                            '乙社买家', FALSE, 1, ?, 'b-courier', ?, 0)""")
                .params(coop.id(), handedOver, accountOfB, now, now).update();
        put(orders, "orderId", "/api/hub/e-waybills", "/hub/e-waybills");
        put("" + accountOfB, "id", "/api/e-waybill-accounts");
        put("" + b.courier().userId(), "id", "/api/users", "/admin/users");
        put("" + coop.id(), "id", "/api/cooperatives", "/operator/cooperatives");

        markersOfB.addAll(List.of(b.admin().getUsername(), b.courier().getUsername(), seller.getUsername(),
                "乙社隔离滩羊场", "乙社隔离集散点", "78399990000017", "78399990000099", "乙社坏消息", "乙社面单账号",
                shop.platformShopId()));
        for (var order : b.orders()) {
            markersOfB.add(order.platformOrderId());
        }
        markersOfB.add(coop.name());
        return b;
    }

    /** Ids of B sent in bodies rather than paths: answered as ids that exist nowhere. */
    private int idsInBodies(ApprovedRoute a, ApprovedRoute b, Map<String, JiyunUser> usersOfA, List<String> wrong)
            throws Exception {
        String codeOfB = b.parcelCodes().get(1);
        long orderOfB = b.orders().get(1).id();
        String hubOfB = idsOfB.get("/api/hubs id");
        List<String[]> tries = List.of(
                new String[]{"/api/hub/arrivals", "{\"codes\": [\"" + codeOfB + "\"]}", "{\"codes\": [\"NOSUCHCODE1\"]}"},
                new String[]{"/api/hub/handovers", "{\"orderId\": " + orderOfB
                        + ", \"carrier\": \"ZTO\", \"waybillNumber\": \"78311110000001\"}",
                        "{\"orderId\": " + NOWHERE + ", \"carrier\": \"ZTO\", \"waybillNumber\": \"78311110000001\"}"},
                new String[]{"/api/hub/handovers", "{\"code\": \"" + codeOfB
                        + "\", \"carrier\": \"ZTO\", \"waybillNumber\": \"78311110000002\"}",
                        "{\"code\": \"NOSUCHCODE1\", \"carrier\": \"ZTO\", \"waybillNumber\": \"78311110000002\"}"},
                new String[]{"/api/routes/" + a.routeId() + "/pickups", "{\"codes\": [\"" + codeOfB + "\"]}",
                        "{\"codes\": [\"NOSUCHCODE1\"]}"},
                new String[]{"/api/plans", "{\"hubIds\": [" + hubOfB + "], \"days\": 1, \"seconds\": 0.5}",
                        "{\"hubIds\": [" + NOWHERE + "], \"days\": 1, \"seconds\": 0.5}"});
        int cases = 0;
        for (String role : List.of("COOP_ADMIN", "COURIER")) {
            for (String[] attempt : tries) {
                MockHttpServletResponse toB = call("POST", attempt[0], usersOfA.get(role), attempt[1]);
                MockHttpServletResponse toNowhere = call("POST", attempt[0], usersOfA.get(role), attempt[2]);
                cases++;
                if (toB.getStatus() != toNowhere.getStatus() || (toB.getStatus() >= 200 && toB.getStatus() < 300)) {
                    wrong.add("POST " + attempt[0] + " as " + role + " with B's id in the body: " + toB.getStatus()
                            + " " + toB.getContentAsString() + ", with one that exists nowhere "
                            + toNowhere.getStatus());
                }
                markers("POST " + attempt[0] + " as " + role, toB, wrong);
            }
        }
        return cases;
    }

    /** Tokens guessed from B's order answer as a token that exists nowhere; A's own link shows nothing of B. */
    private int publicTracking(ApprovedRoute a, ApprovedRoute b, List<String> wrong) throws Exception {
        String tokenOfB = trackingToken(b.admin(), b.orders().get(0).id());
        int nowhere = mvc.perform(get("/track/no-such-token")).andReturn().getResponse().getStatus();
        char last = tokenOfB.charAt(tokenOfB.length() - 1);
        List<String> guesses = List.of(tokenOfB.substring(0, tokenOfB.length() - 1) + (last == 'a' ? 'b' : 'a'),
                tokenOfB.toUpperCase().equals(tokenOfB) ? tokenOfB.toLowerCase() : tokenOfB.toUpperCase(),
                new StringBuilder(tokenOfB).reverse().toString(), tokenOfB.substring(1),
                "" + b.orders().get(0).id(), b.orders().get(0).platformOrderId(), "78399990000017",
                b.parcelCodes().get(0));
        for (String guess : guesses) {
            MockHttpServletResponse answer = mvc.perform(get("/track/{token}", guess)).andReturn().getResponse();
            if (answer.getStatus() != nowhere) {
                wrong.add("/track/" + guess + " answered " + answer.getStatus() + ", a token that exists nowhere "
                        + nowhere);
            }
            // the page may say which token was asked for: the guess itself is no leak
            markers("/track/" + guess, answer.getContentAsString(StandardCharsets.UTF_8).replace(guess, ""), wrong);
        }
        String tokenOfA = trackingToken(a.admin(), a.orders().get(0).id());
        MockHttpServletResponse ownPage = mvc.perform(get("/track/{token}", tokenOfA)).andReturn().getResponse();
        assertThat(ownPage.getStatus()).as("A's own tracking page").isEqualTo(200);
        markers("A's tracking page", ownPage, wrong);
        return guesses.size() + 1;
    }

    private String trackingToken(JiyunUser admin, long orderId) throws Exception {
        String url = JsonPath.parse(mvc.perform(get("/api/orders/{id}", orderId).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).read("$.trackingUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void put(String id, String variable, String... prefixes) {
        assertThat(id).as("B has a record for " + variable + " under " + prefixes[0]).doesNotContain("null", "-1");
        for (String prefix : prefixes) {
            idsOfB.put(prefix + " " + variable, id);
        }
    }

    private long one(String sql, Cooperative coop) {
        return jdbc.sql(sql).param(coop.id()).query(Long.class).single();
    }

    /** The path with B's ids, or with ids that exist nowhere; a variable with no id of B fails the test. */
    private String fill(String pattern, boolean ofB) {
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String id = null;
            for (Map.Entry<String, String> entry : idsOfB.entrySet()) {
                String[] key = entry.getKey().split(" ");
                if (key[1].equals(name) && pattern.startsWith(key[0])) {
                    id = entry.getValue();
                    break;
                }
            }
            assertThat(id).as("an id of B for {" + name + "} in " + pattern
                    + " (add it where the ids of B are listed)").isNotNull();
            variables.appendReplacement(path, name.equals("sequence") || name.equals("platform") || ofB ? id : NOWHERE);
        }
        variables.appendTail(path);
        return path.toString();
    }

    private MockHttpServletResponse call(String method, String path, JiyunUser user) throws Exception {
        return call(method, path, user, method.equals("GET") || !path.startsWith("/api/") ? null : "{}");
    }

    private MockHttpServletResponse call(String method, String path, JiyunUser user, String body) throws Exception {
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(method), path).with(csrf()).with(user(user));
        if (body != null) {
            call = call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(call).andReturn().getResponse();
    }

    private void send(JiyunUser user, String path, String body) throws Exception {
        mvc.perform(post(path).with(user(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    private String normalised(MockHttpServletResponse response, String path) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        for (String id : path.split("/")) {
            if (id.matches("\\d+(\\.pdf)?")) {
                // the id alone, not the digits of a status such as 404
                body = body.replaceAll("(?<!\\d)" + id.replace(".pdf", "") + "(?!\\d)", "#");
            }
        }
        return body;
    }

    private void markers(String what, MockHttpServletResponse response, List<String> wrong) throws Exception {
        markers(what, response.getContentAsString(StandardCharsets.UTF_8), wrong);
    }

    private void markers(String what, String body, List<String> wrong) {
        for (String marker : markersOfB) {
            if (body.contains(marker)) {
                wrong.add(what + " shows B's " + marker);
            }
        }
    }

    private static boolean operatorsOwn(String path) {
        return path.startsWith("/api/cooperatives") || path.startsWith("/operator") || path.equals("/api/audit");
    }

    /** Every row of B: each table with a cooperative, and the parcels and lines of its orders. */
    private String fingerprint(Cooperative coop) {
        List<String> tables = jdbc.sql("""
                        SELECT LOWER(table_name) FROM information_schema.columns
                        WHERE LOWER(column_name) = 'cooperative_id' AND LOWER(table_schema) = 'public'
                        ORDER BY 1""").query(String.class).list();
        StringBuilder rows = new StringBuilder(String.join(",", tables));
        for (String table : tables) {
            // the write-back queue works on in the background (its attempts and errors): the rest of its rows counts
            String columns = table.equals("write_back") ? "id, order_id, platform, carrier, waybill_number, status" : "*";
            rows.append('\n').append(table).append(jdbc.sql("SELECT " + columns + " FROM " + table
                    + " WHERE cooperative_id = ? ORDER BY 1").param(coop.id()).query().listOfRows());
        }
        for (String table : List.of("parcel", "order_line")) {
            rows.append('\n').append(table).append(jdbc.sql("SELECT t.* FROM " + table
                    + " t JOIN orders o ON o.id = t.order_id WHERE o.cooperative_id = ? ORDER BY 1")
                    .param(coop.id()).query().listOfRows());
        }
        assertThat(tables).as("tables with a cooperative").contains("orders", "hub", "plan", "write_back");
        return rows.toString();
    }

    /** Every mapped method and path of the application's own controllers, as {@code "GET /api/hubs"}. */
    private TreeSet<String> endpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("cn.jiyun")) {
                continue;
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + path);
                } else {
                    for (RequestMethod method : methods) {
                        endpoints.add(method.name() + " " + path);
                    }
                }
            }
        }
        return endpoints;
    }

    private static Map<String, List<String>> matrix() throws Exception {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String text = new ClassPathResource("role-matrix.txt").getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String row = (line.contains("#") ? line.substring(0, line.indexOf('#')) : line).strip();
            if (!row.isEmpty()) {
                String[] cells = row.split("\\s+");
                rows.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
            }
        }
        return rows;
    }
}
