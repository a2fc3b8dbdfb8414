package cn.jiyun.fulfillment.isolation;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Pageable;
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

import java.sql.Timestamp;
import java.time.Duration;
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

/**
 * Issue 13's isolation, proven: two cooperatives, A and B, each with its admin, courier, seller, hub, producer,
 * vehicle, shop, SKU mapping, orders, an approved plan with its route, a dead letter, a write-back, a tracking
 * subscription and a tracking dead letter. Every endpoint and page of the application (found at run time, so a new
 * one is covered without editing this test) is called by each of A's users with B's ids and with ids that exist
 * nowhere: the two answers must be the same, and never a success, so nothing tells A that B's record exists (a 403
 * for the role is the same for both). Every list and page without an id, and A's public tracking page, must show
 * none of B's names. After all of it B's rows are as they were. An operator sees cooperatives, not their records.
 * Run on both stores by its subclasses.
 */
abstract class IsolationContract {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");
    private static final String NOWHERE = "987654321";
    /** What an operator may see of every cooperative by design: the cooperatives and the audit trail. */
    private static final List<String> OPERATORS_OWN = List.of("/api/cooperatives", "/operator", "/api/audit");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    VehicleService vehicles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One cooperative's people and records, with the names that mark them. */
    record World(Cooperative coop, Map<Role, JiyunUser> users, Hub hub, Producer producer, Long vehicleId,
                 Shop shop, Long mappingId, Order planned, Order handedOver, Long planId, Long routeId,
                 Long deadLetterId, Long writeBackId, Long subscriptionId, Long trackingDeadLetterId,
                 List<String> markers) {

        /** B's id for a path variable of {@code path}, or null when nothing of that kind exists. */
        String idFor(String path, String variable) {
            return switch (variable) {
                case "routeId" -> String.valueOf(routeId);
                case "sequence" -> "1";
                case "mappingId" -> String.valueOf(mappingId);
                case "token" -> "no-such-token-" + coop.id();
                case "id" -> idOfKind(path);
                default -> null;
            };
        }

        private String idOfKind(String path) {
            Object id = path.startsWith("/api/hubs") || path.startsWith("/admin/hubs") ? hub.id()
                    : path.startsWith("/api/producers") || path.startsWith("/admin/producers") ? producer.id()
                    : path.startsWith("/api/vehicles") || path.startsWith("/admin/vehicles") ? vehicleId
                    : path.startsWith("/api/shops") || path.startsWith("/admin/shops") ? shop.id()
                    : path.startsWith("/api/users") || path.startsWith("/admin/users") ? users.get(Role.COURIER).userId()
                    : path.startsWith("/api/orders") || path.startsWith("/orders") || path.startsWith("/admin/attention")
                    ? planned.id()
                    : path.startsWith("/api/plans") || path.startsWith("/board/plans") ? planId
                    : path.startsWith("/api/dead-letters") || path.startsWith("/admin/dead-letters") ? deadLetterId
                    : path.startsWith("/api/write-backs") || path.startsWith("/admin/write-backs") ? writeBackId
                    : path.startsWith("/api/tracking/subscriptions") ? subscriptionId
                    : path.startsWith("/api/tracking/dead-letters") ? trackingDeadLetterId
                    : path.startsWith("/api/cooperatives") || path.startsWith("/operator/cooperatives") ? coop.id()
                    : null;
            return id == null ? null : id.toString();
        }
    }

    @Test
    void oneCooperativesUsersFindNothingOfAnothersAndChangeNothingOfIt() throws Exception {
        World a = world("A");
        World b = world("B");
        String before = fingerprint(b);

        List<String> leaks = new ArrayList<>();
        int cases = 0;
        for (String endpoint : endpoints()) {
            String[] parts = endpoint.split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String pattern = parts[1];
            boolean hasIds = VARIABLE.matcher(pattern).find();
            for (Role role : List.of(Role.COOP_ADMIN, Role.COURIER, Role.SELLER, Role.OPERATOR)) {
                JiyunUser caller = a.users().get(role);
                boolean operatorsOwn = role == Role.OPERATOR && OPERATORS_OWN.stream().anyMatch(pattern::startsWith);
                if (hasIds) {
                    if (operatorsOwn || pattern.startsWith("/track/")) {
                        continue; // an operator's cooperatives are theirs to see; a token is checked below
                    }
                    String others = concrete(pattern, b);
                    assertThat(others).as("a way to fill every path variable of " + endpoint).doesNotContain("{");
                    MockHttpServletResponse withOthers = call(method, others, caller);
                    MockHttpServletResponse withNone = call(method, pattern.replaceAll(VARIABLE.pattern(), NOWHERE),
                            caller);
                    cases++;
                    if (withOthers.getStatus() / 100 == 2 || withOthers.getStatus() != withNone.getStatus()) {
                        leaks.add(endpoint + " as " + role + ": B's id " + withOthers.getStatus()
                                + ", an id of no one " + withNone.getStatus());
                    }
                    String body = withOthers.getContentAsString();
                    b.markers().stream().filter(body::contains)
                            .forEach(m -> leaks.add(endpoint + " as " + role + " shows B's " + m));
                } else if (method == HttpMethod.GET && !operatorsOwn) {
                    MockHttpServletResponse list = call(method, pattern, caller);
                    cases++;
                    String body = list.getContentAsString();
                    b.markers().stream().filter(body::contains)
                            .forEach(m -> leaks.add(endpoint + " as " + role + " lists B's " + m));
                }
            }
        }
        // the public tracking pages: A's link shows A's order and nothing of B; a guessed token is not found
        String aTracking = mvc.perform(get("/track/" + a.planned().trackingToken())).andReturn().getResponse()
                .getContentAsString();
        assertThat(aTracking).contains(a.planned().platformOrderId());
        b.markers().stream().filter(aTracking::contains).forEach(m -> leaks.add("A's tracking page shows B's " + m));
        assertThat(mvc.perform(get("/track/" + b.planned().trackingToken() + "x")).andReturn().getResponse()
                .getStatus()).isEqualTo(mvc.perform(get("/track/no-such-token")).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        assertThat(leaks).isEmpty();
        assertThat(fingerprint(b)).as("B's rows after A's users tried everything").isEqualTo(before);
        assertThat(cases).as("endpoint × role cases checked").isGreaterThan(300);
        System.out.println("ISOLATION " + getClass().getSimpleName() + " cases=" + cases);
    }

    private MockHttpServletResponse call(HttpMethod method, String path, JiyunUser caller) throws Exception {
        MockHttpServletRequestBuilder call = request(method, path).with(csrf()).with(user(caller));
        if (path.startsWith("/api/") && (method == HttpMethod.POST || method == HttpMethod.PUT)) {
            call = call.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return mvc.perform(call).andReturn().getResponse();
    }

    private static String concrete(String pattern, World world) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String id = world.idFor(pattern, matcher.group(1));
            matcher.appendReplacement(path, Matcher.quoteReplacement(id == null ? matcher.group() : id));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A cooperative with one of everything a URL can name, its plan solved and approved. */
    private World world(String name) throws Exception {
        String mark = name + Fixtures.unique();
        Cooperative coop = fixtures.cooperative();
        Map<Role, JiyunUser> users = new LinkedHashMap<>();
        for (Role role : List.of(Role.COOP_ADMIN, Role.COURIER, Role.SELLER, Role.OPERATOR)) {
            users.put(role, fixtures.user(coop, role));
        }
        Hub hub = fixtures.hub(coop, "集散中心" + mark, 105.67, 37.49);
        Producer producer = fixtures.producer(coop, "农户" + mark, 105.70, 37.50);
        fixtures.vehicle(coop, hub);
        Long vehicleId = vehicles.list(coop.id(), null, Pageable.unpaged()).getContent().get(0).id();
        vehicles.assignDriver(coop.id(), vehicleId, users.get(Role.COURIER).userId());
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, users.get(Role.SELLER).userId());
        String sku = fixtures.sku(coop, shop, producer, 650);
        Long mappingId = jdbc.sql("SELECT id FROM sku_mapping WHERE shop_id = ? AND platform_sku = ?")
                .param(shop.id()).param(sku).query(Long.class).single();
        Order planned = fixtures.paidOrder(shop, sku, 2);
        Order handedOver = fixtures.paidOrder(shop, sku, 1);

        JiyunUser admin = users.get(Role.COOP_ADMIN);
        String started = mvc.perform(post("/api/plans").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hubIds\":[" + hub.id() + "],\"days\":1,\"seconds\":2}")).andReturn().getResponse()
                .getContentAsString();
        Long planId = json.readTree(started).get("id").asLong();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        String status;
        do {
            Thread.sleep(200);
            status = jdbc.sql("SELECT status FROM plan WHERE id = ?").param(planId).query(String.class).single();
        } while (!"DONE".equals(status) && Instant.now().isBefore(giveUp));
        assertThat(status).as("B's plan solved").isEqualTo("DONE");
        mvc.perform(post("/api/plans/{id}/approve", planId).with(user(admin)));
        List<Long> routes = jdbc.sql("SELECT id FROM plan_route WHERE plan_id = ? ORDER BY id").param(planId)
                .query(Long.class).list();
        assertThat(routes).as("B's plan has a route: " + mvc.perform(get("/api/plans/{id}", planId).with(user(admin)))
                .andReturn().getResponse().getContentAsString()).isNotEmpty();
        Long routeId = routes.get(0);

        Timestamp now = Timestamp.from(Instant.now());
        Long deadLetterId = insert("INSERT INTO dead_letter (cooperative_id, platform, platform_shop_id, source, "
                + "raw_message, reason, received_at, status, retries, version) VALUES (?, 'DOUYIN', ?, 'POLL', "
                + "'{}', 'test', ?, 'OPEN', 0, 0)", coop.id(), shop.platformShopId(), now);
        Long writeBackId = insert("INSERT INTO write_back (cooperative_id, order_id, platform, carrier, "
                + "waybill_number, request_id, status, attempts, next_attempt_at, created_at, version) VALUES (?, ?, "
                + "'DOUYIN', 'ZTO', ?, ?, 'FAILED', 8, ?, ?, 0)", coop.id(), handedOver.id(), "7831" + mark,
                "req-" + mark, now, now);
        Long subscriptionId = insert("INSERT INTO tracking_subscription (cooperative_id, order_id, carrier, "
                + "waybill_number, status, attempts, next_attempt_at, created_at, last_movement_at, version) "
                + "VALUES (?, ?, 'ZTO', ?, 'FAILED', 8, ?, ?, ?, 0)", coop.id(), handedOver.id(), "7831" + mark,
                now, now, now);
        Long trackingDeadLetterId = insert("INSERT INTO tracking_dead_letter (cooperative_id, aggregator, "
                + "carrier_code, waybill_number, reason, raw_push, pushes, received_at, status) VALUES (?, "
                + "'KUAIDI100', 'zhongtong', ?, 'test', '{}', 1, ?, 'OPEN')", coop.id(), "9999" + mark, now);

        List<String> markers = List.of(coop.name(), hub.name(), producer.name(), shop.platformShopId(), sku,
                planned.platformOrderId(), handedOver.platformOrderId(), users.get(Role.COOP_ADMIN).username(),
                users.get(Role.COURIER).username(), users.get(Role.SELLER).username(), "7831" + mark, "9999" + mark);
        return new World(coop, users, hub, producer, vehicleId, shop, mappingId, planned, handedOver, planId,
                routeId, deadLetterId, writeBackId, subscriptionId, trackingDeadLetterId, markers);
    }

    private Long insert(String sql, Object... values) {
        var statement = jdbc.sql(sql);
        for (Object value : values) {
            statement = statement.param(value);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKey().longValue();
    }

    /** B's rows as a text: whatever A's users did, it must come out the same. */
    private String fingerprint(World b) {
        Long id = b.coop().id();
        StringBuilder rows = new StringBuilder();
        for (String sql : List.of(
                "SELECT id, status, attention_reason FROM orders WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, name, carrier_cutoff FROM hub WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, name, phone FROM producer WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, plate, driver_user_id FROM vehicle WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, name, seller_user_id, authorisation FROM shop WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, display_name, enabled, password_hash, must_change_password FROM app_user "
                        + "WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, status FROM plan WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, status, retries FROM dead_letter WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, status, attempts FROM write_back WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, status, attempts FROM tracking_subscription WHERE cooperative_id = ? ORDER BY id",
                "SELECT id, status FROM tracking_dead_letter WHERE cooperative_id = ? ORDER BY id",
                "SELECT suspended_at FROM cooperative WHERE id = ?")) {
            rows.append(jdbc.sql(sql).param(id).query().listOfRows()).append('\n');
        }
        return rows.toString();
    }

    /** Every mapped method and path of the application's own controllers. */
    private TreeSet<String> endpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("cn.jiyun")) {
                continue;
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPatternValues()) {
                if (path.endsWith("/events") || path.equals("/logout")) {
                    continue; // a stream of one's own plan, and the end of the caller's own session
                }
                for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + path);
                }
            }
        }
        return endpoints;
    }
}
