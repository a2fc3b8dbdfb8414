package cn.jiyun.fulfillment.story;

import cn.jiyun.fulfillment.support.FreePorts;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's whole onboarding on the production store, fresh: a PostGIS schema of its own that Flyway migrates from
 * nothing, only the bootstrap settings (demo off, the bootstrap operator, the token key) and the in-process sandbox as
 * the platforms. The operator opens a cooperative; its admin adds a hub, two producers, a vehicle and a courier, then
 * authorises a Douyin and a Kuaishou shop on the sandbox's authorise pages and a WeChat shop with the self-built app
 * read off the sandbox's shop console, adds a seller with the three shops, maps the SKUs the attention page names,
 * plans the hub and approves the plan; the courier, held to choosing their own password first, then finds the route
 * on {@code /manifests}; the audit trail (API and page) shows every step with its actor. Users walk it over HTTP as a
 * browser and an API client would: pages with a session cookie and their forms' CSRF tokens, the API with Basic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"postgis", "sandbox"})
@DirtiesContext
@TestPropertySource(properties = {
        // the bootstrap settings, and nothing of the demo
        "jiyun.bootstrap.operator-username=" + FreshPostgisOnboardingTest.OPERATOR,
        "jiyun.bootstrap.operator-password=" + FreshPostgisOnboardingTest.OPERATOR_PASSWORD,
        "jiyun.secrets.token-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        // test pace only: no warm-up solve on the shared cores, shops polled every second
        "jiyun.planning.warm-up=false",
        "jiyun.platforms.douyin.poll-interval=1s",
        "jiyun.platforms.kuaishou.poll-interval=1s",
        "jiyun.platforms.wechat.poll-interval=1s",
        "spring.datasource.hikari.maximum-pool-size=6"})
class FreshPostgisOnboardingTest {

    static final String OPERATOR = "jiyun-ops";
    static final String OPERATOR_PASSWORD = "steppe-lantern-48";
    private static final String ADMIN = "ningan-admin";
    private static final String ADMIN_PASSWORD = "goji-terrace-2026";
    private static final String COURIER = "ningan-courier";
    private static final String SELLER = "ningan-seller";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The store of this test alone: the shared test database holds other tests' rows. */
    private static final String SCHEMA = "onboarding_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String DB_URL = System.getenv().getOrDefault("JIYUN_TEST_DB_URL",
            "jdbc:postgresql://localhost:5432/jiyun_test");
    private static final String DB_USER = System.getenv().getOrDefault("JIYUN_TEST_DB_USER", "jiyun");
    private static final String DB_PASSWORD = System.getenv().getOrDefault("JIYUN_TEST_DB_PASSWORD", "jiyun");

    @DynamicPropertySource
    static void freshStoreAndPorts(DynamicPropertyRegistry registry) {
        // PostGIS's types and functions live in public; the schema is this test's own
        registry.add("spring.datasource.url", () -> DB_URL + (DB_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + SCHEMA + ",public");
        registry.add("spring.datasource.username", () -> DB_USER);
        registry.add("spring.datasource.password", () -> DB_PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        // the platforms' pages send the browser back to the callback made from server.port
        FreePorts.sandboxAndServer(registry);
    }

    /** Drops the schema when the service stops: after its pollers and schedulers, before its connection pool. */
    @TestConfiguration
    static class DropTheStoreAtTheEnd {
        @Bean
        DisposableBean dropTheStore(JdbcClient jdbc) {
            return () -> jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        }
    }

    @LocalServerPort
    int port;
    @Value("${jiyun.sandbox.port}")
    int sandboxPort;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorOpensACooperativeWhoseAdminOnboardsShopsPeopleAndAPlanTheCourierThenDrives() throws Exception {
        theStoreIsFreshAndOnlyTheOperatorExists();

        // 1. the operator opens the cooperative with its first admin
        Person operator = new Person(OPERATOR, OPERATOR_PASSWORD);
        Answer opened = operator.api("POST", "/api/cooperatives", json(Map.of("name", "中宁县宁安镇枸杞合作社",
                "adminUsername", ADMIN, "adminPassword", ADMIN_PASSWORD)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long cooperativeId = opened.json().read("$.id", Long.class);

        // 2. the admin (the operator's choice of password needs no change) keeps the cooperative's records
        Person admin = new Person(ADMIN, ADMIN_PASSWORD);
        long hubId = admin.created("/api/hubs", """
                {"name":"宁安镇枸杞集散点","countyCode":"640521","address":"中宁县宁安镇枸杞物流园",
                 "location":{"longitude":105.6657,"latitude":37.4852},
                 "opensAt":"06:00","closesAt":"21:00","carrierCutoff":"20:00"}""");
        List<Long> producers = List.of(
                admin.created("/api/producers", producer("宁安镇 马家枸杞园", 105.7010, 37.5003)),
                admin.created("/api/producers", producer("宁安镇 丁家枸杞园", 105.6402, 37.4633)));
        long vehicleId = admin.created("/api/vehicles", """
                {"homeHubId":%d,"name":"宁安 1 号车","plate":"宁E·A0001","capacityKg":1500,"capacityLitres":8000,
                 "refrigerated":false,"costPerKmFen":150,"fixedCostPerDayFen":20000,
                 "shiftStart":"06:00","shiftEnd":"21:00"}""".formatted(hubId));
        Answer courierAdded = admin.api("POST", "/api/users", """
                {"username":"%s","displayName":"马师傅","role":"COURIER","vehicleIds":[%d]}"""
                .formatted(COURIER, vehicleId));
        assertThat(courierAdded.status()).as(courierAdded.body()).isEqualTo(201);
        String courierOneTime = courierAdded.json().read("$.oneTimePassword");
        long courierId = courierAdded.json().read("$.id", Long.class);
        assertThat(courierAdded.json().read("$.mustChangePassword", Boolean.class)).isTrue();

        // 3. the admin authorises the shops on the platforms' own pages (no token typed) and with WeChat's app
        admin.logIn();
        long douyin = authoriseOnThePlatformsPage(admin, "douyin");
        long kuaishou = authoriseOnThePlatformsPage(admin, "kuaishou");
        long wechat = authoriseWithTheShopsOwnApp(admin);
        List<Long> shops = List.of(douyin, kuaishou, wechat);
        assertThat(Set.copyOf(shops)).hasSize(3);

        Answer sellerAdded = admin.api("POST", "/api/users", """
                {"username":"%s","displayName":"主播小马","role":"SELLER","shopIds":[%d,%d,%d]}"""
                .formatted(SELLER, douyin, kuaishou, wechat));
        assertThat(sellerAdded.status()).as(sellerAdded.body()).isEqualTo(201);
        long sellerId = sellerAdded.json().read("$.id", Long.class);

        for (long shop : shops) {
            DocumentContext view = admin.api("GET", "/api/shops/" + shop, null).json();
            assertThat(view.read("$.authorisation", String.class)).isEqualTo("ACTIVE");
            assertThat(view.read("$.sellerUserId", Long.class)).isEqualTo(sellerId);
            String platform = view.read("$.platform");
            String platformShopId = view.read("$.shopId");
            long arrived = await("orders of " + platform + " shop " + platformShopId,
                    () -> ordersOf(admin, platform, platformShopId, null), n -> n > 0);
            assertThat(arrived).isPositive();
        }

        // their SKUs are no producer's yet: the attention page names each, and the admin maps them
        int mapped = mapTheSkusTheAttentionPageNames(admin, producers);
        assertThat(mapped).as("SKUs mapped").isPositive();
        await("orders waiting for a mapping", () -> admin.api("GET", "/api/orders?status=NEEDS_ATTENTION&size=1",
                null).json().read("$.page.totalElements", Long.class), n -> n == 0);
        for (long shop : shops) {
            DocumentContext view = admin.api("GET", "/api/shops/" + shop, null).json();
            assertThat(ordersOf(admin, view.read("$.platform"), view.read("$.shopId"), "AWAITING_PICKUP"))
                    .as("shop %d's orders awaiting pickup", shop).isPositive();
        }

        Answer deadLetters = admin.api("GET", "/api/dead-letters", null);
        assertThat(deadLetters.json().read("$.page.totalElements", Long.class))
                .as("a new cooperative's first orders leave no dead letter: " + deadLetters.body()).isZero();

        // 4. the admin plans the hub and approves the plan
        Answer started = admin.api("POST", "/api/plans", """
                {"hubIds":[%d],"days":1,"seconds":2,"policy":"greedy","courierRemainder":false}""".formatted(hubId));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long planId = started.json().read("$.id", Long.class);
        await("the plan solved", () -> admin.api("GET", "/api/plans/" + planId, null).json()
                .read("$.status", String.class), status -> !"SOLVING".equals(status));
        Answer approved = admin.api("POST", "/api/plans/" + planId + "/approve", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        DocumentContext plan = approved.json();
        assertThat(plan.read("$.status", String.class)).isEqualTo("APPROVED");
        List<Integer> routeIds = plan.read("$.routes[*].id");
        assertThat(routeIds).isNotEmpty();
        long routeId = routeIds.get(0);
        assertThat(plan.read("$.routes[0].vehicle.id", Long.class)).isEqualTo(vehicleId);
        assertThat(plan.read("$.routes[0].courierUserId", Long.class)).isEqualTo(courierId);
        List<String> producerNames = plan.read("$.routes[0].stops[*].producer.name");
        List<String> parcelCodes = plan.read("$.routes[0].stops[*].parcels[*].code");
        assertThat(producerNames).isNotEmpty();
        assertThat(parcelCodes).isNotEmpty();

        // 5. the courier's one-time password opens nothing but the password change
        Person courierOnTheApi = new Person(COURIER, courierOneTime);
        Answer held = courierOnTheApi.api("GET", "/api/routes/" + routeId + "/pickups", null);
        assertThat(held.status()).isEqualTo(403);
        assertThat(held.body()).contains("PUT /api/me/password");
        Person courier = new Person(COURIER, courierOneTime);
        assertThat(courier.logIn()).isEqualTo("/password");
        assertThat(courier.get("/manifests").location()).as("nothing else before the password").endsWith("/password");
        String ownPassword = "sandy-orchard-route-7";
        Answer changed = courier.submit("/password", "/password",
                Map.of("currentPassword", courierOneTime, "newPassword", ownPassword));
        assertThat(courier.landing(changed)).as("their work, once the password is theirs").isEqualTo("/manifests");
        assertThat(new Person(COURIER, courierOneTime).api("GET", "/api/routes/" + routeId + "/pickups", null)
                .status()).as("the one-time password is spent").isEqualTo(401);

        Answer manifests = courier.get("/manifests");
        assertThat(manifests.status()).isEqualTo(200);
        assertThat(manifests.body()).contains("/manifests/" + routeId).contains("宁E·A0001");
        Answer manifest = courier.get("/manifests/" + routeId);
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.body()).contains(producerNames).contains(parcelCodes);
        Answer sheet = new Person(COURIER, ownPassword).api("GET", "/api/routes/" + routeId + "/pickups", null);
        assertThat(sheet.status()).as(sheet.body()).isEqualTo(200);

        // the audit trail shows each step and who took it
        DocumentContext trail = admin.api("GET", "/api/audit?size=100", null).json();
        List<Map<String, Object>> entries = trail.read("$.content");
        assertThat(entries).allSatisfy(e -> assertThat(((Number) e.get("cooperativeId")).longValue())
                .isEqualTo(cooperativeId));
        assertThat(actorsOf(entries, "COOPERATIVE_OPENED")).containsExactly(OPERATOR);
        assertThat(actorsOf(entries, "USER_ADDED")).containsExactly(ADMIN, ADMIN);
        assertThat(subjectsOf(entries, "USER_ADDED")).anyMatch(s -> s.contains(COURIER))
                .anyMatch(s -> s.contains(SELLER));
        assertThat(actorsOf(entries, "SHOP_AUTHORISED")).containsExactly(ADMIN, ADMIN, ADMIN);
        assertThat(actorsOf(entries, "PLAN_APPROVED")).containsExactly(ADMIN);
        assertThat(actorsOf(entries, "USER_PASSWORD_CHANGED")).as("the courier chose their own password")
                .containsExactly(COURIER);
        assertThat(subjectsOf(entries, "PLAN_APPROVED")).singleElement().asString().contains(String.valueOf(planId));
        String auditPage = admin.get("/admin/audit").body();
        for (String kind : List.of("COOPERATIVE_OPENED", "USER_ADDED", "SHOP_AUTHORISED", "PLAN_APPROVED")) {
            assertThat(auditPage).as("the audit page's rows").contains("data-kind=\"" + kind + "\"");
        }
        assertThat(auditPage).contains(OPERATOR).contains(COURIER).contains(SELLER);
    }

    private void theStoreIsFreshAndOnlyTheOperatorExists() {
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version = '1'")
                .query(Long.class).single()).as("migrated from nothing").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cooperative").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly(OPERATOR);
    }

    /** 授权新店铺 on the shops page, 同意授权 for a new shop on the platform's page, and back with the shop. */
    private long authoriseOnThePlatformsPage(Person admin, String platform) throws Exception {
        Answer toPlatform = admin.submit("/admin/shops", "/admin/shops/authorisation/" + platform, Map.of());
        assertThat(toPlatform.status()).isEqualTo(302);
        URI authorisePage = URI.create(toPlatform.location());
        assertThat(authorisePage.getPort()).as("the platform's own page").isEqualTo(sandboxPort);

        Answer consent = admin.send(HttpRequest.newBuilder(authorisePage).GET());
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body()).contains("同意授权");
        Map<String, String> form = new LinkedHashMap<>(hiddenInputs(consent.body()));
        form.put("shop", "new");
        form.put("decision", "agree");
        Answer back = admin.send(HttpRequest.newBuilder(authorisePage.resolve(formAction(consent.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        URI callback = URI.create(back.location());
        assertThat(callback.toString()).startsWith(base() + "/admin/shops/authorisation/" + platform + "/callback?");
        assertThat(callback.getRawQuery()).contains("code=").contains("state=");

        Answer registered = admin.send(HttpRequest.newBuilder(callback).GET());
        return shopShownAfter(admin, registered);
    }

    /** The shop owner opens a shop on the sandbox's console and reads its app there; the admin types the two. */
    private long authoriseWithTheShopsOwnApp(Person admin) throws Exception {
        HttpClient owner = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI console = URI.create("http://localhost:" + sandboxPort + "/wechat/shop-console/self-built-apps");
        HttpResponse<String> opened = owner.send(HttpRequest.newBuilder(console)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        String shopId = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*#", "");
        String apps = owner.send(HttpRequest.newBuilder(console).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher row = Pattern.compile("data-shop=\"" + Pattern.quote(shopId)
                + "\"><td>[^<]*</td><td class=\"appid\">([^<]+)</td><td class=\"secret\">([^<]+)</td>").matcher(apps);
        assertThat(row.find()).as("the console lists shop " + shopId + "'s app").isTrue();

        Answer toForm = admin.submit("/admin/shops", "/admin/shops/authorisation/wechat", Map.of());
        assertThat(toForm.status()).isEqualTo(302);
        String formPath = URI.create(toForm.location()).getPath();
        assertThat(formPath).isEqualTo("/admin/shops/authorisation/wechat/app");
        Answer registered = admin.submit(formPath, formPath, Map.of("appId", row.group(1), "appSecret", row.group(2)));
        long shop = shopShownAfter(admin, registered);
        assertThat(admin.api("GET", "/api/shops/" + shop, null).json().read("$.shopId", String.class)).isEqualTo(shopId);
        return shop;
    }

    /** Follows the redirect to the new shop's page, which says it was registered; answers its id. */
    private long shopShownAfter(Person admin, Answer registered) throws Exception {
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        Matcher shopPage = Pattern.compile("/admin/shops/(\\d+)$").matcher(registered.location());
        assertThat(shopPage.find()).as("back at the new shop: " + registered.location()).isTrue();
        String page = admin.get(URI.create(registered.location()).getPath()).body();
        assertThat(page).contains("id=\"notice\"").doesNotContain("notice error");
        return Long.parseLong(shopPage.group(1));
    }

    /**
     * Maps every SKU {@code /admin/attention} links to its mapping form, page after page as the admin works down it,
     * to the producers in turn; answers how many were mapped.
     */
    private int mapTheSkusTheAttentionPageNames(Person admin, List<Long> producers) throws Exception {
        Pattern link = Pattern.compile("href=\"/admin/shops/(\\d+)\\?sku=([^\"#&]+)#add-mapping\"");
        Set<String> mapped = new LinkedHashSet<>();
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            Answer attention = admin.get("/admin/attention");
            assertThat(attention.status()).isEqualTo(200);
            List<String[]> named = new ArrayList<>();
            Matcher m = link.matcher(attention.body());
            while (m.find()) {
                String sku = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
                if (mapped.add(m.group(1) + "/" + sku)) {
                    named.add(new String[] {m.group(1), sku});
                }
            }
            if (named.isEmpty() && !mapped.isEmpty() && !attention.body().contains("data-test=\"map-sku\"")) {
                return mapped.size();
            }
            for (String[] shopAndSku : named) {
                long producer = producers.get(mapped.size() % producers.size());
                Answer mapping = admin.api("POST", "/api/shops/" + shopAndSku[0] + "/sku-mappings", """
                        {"platformSku":"%s","producerId":%d,"productName":"枸杞 %s","unitWeightGrams":600,
                         "unitVolumeMl":1500,"chilled":false}""".formatted(shopAndSku[1], producer, shopAndSku[1]));
                assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the attention page still names unmapped SKUs after " + PATIENCE);
    }

    private static long ordersOf(Person admin, String platform, String platformShopId, String status) {
        return admin.api("GET", "/api/orders?size=1&platform=" + platform + "&shopId=" + platformShopId
                + (status == null ? "" : "&status=" + status), null).json().read("$.page.totalElements", Long.class);
    }

    private static List<String> actorsOf(List<Map<String, Object>> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.get("kind"))).map(e -> (String) e.get("actor")).toList();
    }

    private static List<String> subjectsOf(List<Map<String, Object>> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.get("kind"))).map(e -> (String) e.get("subject")).toList();
    }

    private static String producer(String name, double longitude, double latitude) {
        return """
                {"name":"%s","contactName":"马大姐","phone":"13909550001","address":"%s 2 组","countyCode":"640521",
                 "location":{"longitude":%s,"latitude":%s},"shipsChilled":false,
                 "pickupWindows":[{"startsAt":"07:00","endsAt":"20:00"}]}""".formatted(name, name, longitude, latitude);
    }

    /** Asks until the answer passes, or fails with what was asked once the patience is spent. */
    private static <T> T await(String what, Supplier<T> ask, java.util.function.Predicate<T> done) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        T answer = ask.get();
        while (!done.test(answer)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(what + ": still " + answer + " after " + PATIENCE);
            }
            Thread.sleep(250);
            answer = ask.get();
        }
        return answer;
    }

    private static Map<String, String> hiddenInputs(String html) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            inputs.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return inputs;
    }

    private static String formAction(String html) {
        Matcher m = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a form on the page").isTrue();
        return unescape(m.group(1));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static String json(Map<String, String> fields) {
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, value) -> body.append(body.length() == 1 ? "" : ",").append('"').append(name)
                .append("\":\"").append(value).append('"'));
        return body.append('}').toString();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** An HTTP answer. */
    record Answer(int status, String body, String location) {
        DocumentContext json() {
            return JsonPath.parse(body);
        }
    }

    /**
     * One person at their own client: the API with Basic, the pages with the session cookie their login got (a
     * browser's cookie jar, following no redirect by itself).
     */
    private final class Person {
        private final String username;
        private final String password;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Person(String username, String password) {
            this.username = username;
            this.password = password;
        }

        Answer api(String method, String path, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            try {
                // a client of its own: the API keeps no session
                HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Answer(answer.statusCode(), answer.body(), answer.headers().firstValue("Location").orElse(null));
            } catch (Exception e) {
                throw new AssertionError(method + " " + path, e);
            }
        }

        /** POSTs a record and answers the id of what was created. */
        long created(String path, String body) {
            Answer answer = api("POST", path, body);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(201);
            return answer.json().read("$.id", Long.class);
        }

        /** Logs in on the login page; answers the path of the page they land on, after the redirects. */
        String logIn() throws Exception {
            Answer done = submit("/login", "/login", Map.of("username", username, "password", password));
            assertThat(done.location()).as("a login that took").doesNotContain("error");
            return landing(done);
        }

        /** Follows the service's redirects from this answer, as a browser does; answers the path of the page shown. */
        String landing(Answer answer) throws Exception {
            Answer at = answer;
            for (int hops = 0; at.status() == 302 && hops < 5; hops++) {
                String path = URI.create(at.location()).getPath();
                at = get(path);
                if (at.status() == 200) {
                    return path;
                }
            }
            throw new AssertionError(username + " landed nowhere: " + at.status() + " " + at.location());
        }

        Answer get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
        }

        /** Fills a form of the page at {@code pagePath}, with the CSRF token the page carries, and posts it. */
        Answer submit(String pagePath, String action, Map<String, String> fields) throws Exception {
            Answer page = get(pagePath);
            assertThat(page.status()).as(pagePath).isEqualTo(200);
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(token.find()).as("a CSRF token on " + pagePath).isTrue();
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", token.group(1));
            return send(HttpRequest.newBuilder(URI.create(base() + action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        }

        Answer send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location")
                    .map(l -> answer.uri().resolve(l).toString()).orElse(null);
            return new Answer(answer.statusCode(), answer.body(), location);
        }
    }
}
