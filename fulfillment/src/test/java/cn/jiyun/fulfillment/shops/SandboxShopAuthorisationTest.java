package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo admin authorises new Douyin and Kuaishou shops through the sandbox's authorise pages and
 * token exchanges, and WeChat shops with their self-built app's appid and AppSecret: the shops appear with
 * encrypted tokens (and app credentials), an audit event, and orders arriving; a reused, wrong, missing, expired
 * or another session's state, a declined authorisation and refused credentials change nothing; a revoked shop
 * is re-authorised through the same flows, and a shop another cooperative holds is refused without saying who.
 */
@SpringBootTest
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/oauth-${random.uuid}",
        "jiyun.sandbox.webhook-callback=",
        "jiyun.platforms.douyin.poll-interval=1s",
        "jiyun.platforms.kuaishou.poll-interval=1s",
        "jiyun.platforms.wechat.poll-interval=1s"})
class SandboxShopAuthorisationTest {

    private static final String REDIRECT = "http://localhost/admin/shops/authorisation/x/callback";

    @DynamicPropertySource
    static void freePort(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            registry.add("jiyun.sandbox.port", () -> port);
        }
    }

    @Autowired
    ShopAuthorisations authorisations;
    @Autowired
    AppUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformSandbox sandbox;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ShopService shops;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private JiyunUser admin() {
        AppUser user = users.findByUsername("coop-admin").orElseThrow();
        return JiyunUser.of(user, true);
    }

    /** Agrees on the sandbox's page for a new shop and answers the callback's query parameters. */
    private Map<String, String> agree(URI authorisePage, String decision) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(authorisePage).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("同意授权");
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(authorisePage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(authorisePage.getRawQuery() + "&shop=new&decision=" + decision))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        URI location = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT);
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void authorisesNewShopsThroughTheSandboxAndTheirOrdersArrive() throws Exception {
        JiyunUser admin = admin();
        for (Platform platform : new Platform[]{Platform.DOUYIN, Platform.KUAISHOU}) {
            long auditsBefore = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'SHOP_AUTHORISED'")
                    .query(Long.class).single();
            Map<String, String> back = agree(authorisations.start(admin, "session-1", platform, null, REDIRECT), "agree");

            // another session, a wrong state and a missing one are refused and spend nothing
            assertThat(authorisations.complete(admin, "session-2", platform, back.get("state"), back.get("code"), null,
                    REDIRECT)).isInstanceOf(ShopAuthorisations.Outcome.StateRefused.class);
            assertThat(authorisations.complete(admin, "session-1", platform, "wrong", back.get("code"), null,
                    REDIRECT)).isInstanceOf(ShopAuthorisations.Outcome.StateRefused.class);
            assertThat(authorisations.complete(admin, "session-1", platform, null, back.get("code"), null,
                    REDIRECT)).isInstanceOf(ShopAuthorisations.Outcome.StateRefused.class);

            ShopAuthorisations.Outcome outcome = authorisations.complete(admin, "session-1", platform,
                    back.get("state"), back.get("code"), null, REDIRECT);
            assertThat(outcome).isInstanceOf(ShopAuthorisations.Outcome.Authorised.class);
            Shop shop = ((ShopAuthorisations.Outcome.Authorised) outcome).shop();
            assertThat(shop.platform()).isEqualTo(platform);
            assertThat(shop.authorisation()).isEqualTo(Shop.Authorisation.ACTIVE);
            String stored = jdbc.sql("SELECT access_token_enc FROM shop WHERE id = ?").param(shop.id())
                    .query(String.class).single();
            assertThat(stored).isNotBlank().doesNotStartWith("ChFvYXV0aC5zYW5kYm94");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'SHOP_AUTHORISED'")
                    .query(Long.class).single()).isEqualTo(auditsBefore + 1);

            // the state is single use
            assertThat(authorisations.complete(admin, "session-1", platform, back.get("state"), back.get("code"), null,
                    REDIRECT)).isInstanceOf(ShopAuthorisations.Outcome.StateRefused.class);

            Instant giveUp = Instant.now().plus(Duration.ofSeconds(40));
            long orders = 0;
            while (orders == 0 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(250);
                orders = jdbc.sql("SELECT COUNT(*) FROM orders WHERE shop_id = ?").param(shop.id())
                        .query(Long.class).single();
            }
            assertThat(orders).as(platform + " orders of the new shop").isPositive();
        }
    }

    @Test
    void aDeclinedAuthorisationStoresNothing() throws Exception {
        JiyunUser admin = admin();
        long shopsBefore = jdbc.sql("SELECT COUNT(*) FROM shop").query(Long.class).single();
        Map<String, String> back = agree(authorisations.start(admin, "s", Platform.KUAISHOU, null, REDIRECT), "deny");
        assertThat(back).containsEntry("error", "access_denied").doesNotContainKey("code");
        assertThat(authorisations.complete(admin, "s", Platform.KUAISHOU, back.get("state"), null, back.get("error"),
                REDIRECT)).isInstanceOf(ShopAuthorisations.Outcome.Refused.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop").query(Long.class).single()).isEqualTo(shopsBefore);
    }

    @Test
    void anExpiredOrUnknownCodeIsThePlatformsRefusal() throws Exception {
        JiyunUser admin = admin();
        URI page = authorisations.start(admin, "s", Platform.DOUYIN, null, REDIRECT);
        String state = URLDecoder.decode(page.getRawQuery().replaceAll(".*state=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        ShopAuthorisations.Outcome outcome = authorisations.complete(admin, "s", Platform.DOUYIN, state, "no-such-code",
                null, REDIRECT);
        assertThat(outcome).isInstanceOf(ShopAuthorisations.Outcome.Refused.class);
        assertThat(((ShopAuthorisations.Outcome.Refused) outcome).reason()).contains("code-expired");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long ordersOf(Shop shop) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(40));
        long orders = 0;
        while (orders == 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            orders = count("SELECT COUNT(*) FROM orders WHERE shop_id = ?", shop.id());
        }
        return orders;
    }

    private String code(URI authorisePage) throws Exception {
        return agree(authorisePage, "agree").get("code");
    }

    private static String state(URI authorisePage) {
        return URLDecoder.decode(authorisePage.getRawQuery().replaceAll(".*state=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    }

    @Test
    void aWechatShopsOwnAppRegistersTheShopStoredEncryptedAndItsOrdersArrive() throws Exception {
        String shopId = sandbox.openShop(Platform.WECHAT).shopId();
        AppCredentials app = PlatformSandbox.wechatShopApp(shopId);
        long auditsBefore = count("SELECT COUNT(*) FROM audit_event WHERE kind = 'SHOP_AUTHORISED'");

        ShopAuthorisations.Outcome outcome = authorisations.authoriseWithApp(admin(), Platform.WECHAT, null, app);

        assertThat(outcome).isInstanceOf(ShopAuthorisations.Outcome.Authorised.class);
        Shop shop = ((ShopAuthorisations.Outcome.Authorised) outcome).shop();
        assertThat(((ShopAuthorisations.Outcome.Authorised) outcome).reauthorised()).isFalse();
        assertThat(shop.platformShopId()).isEqualTo(shopId);
        assertThat(shop.name()).contains(shopId);
        Map<String, Object> stored = jdbc.sql("SELECT app_id_enc, app_secret_enc, access_token_enc FROM shop WHERE id = ?")
                .param(shop.id()).query().singleRow();
        assertThat(stored.values()).allSatisfy(value -> assertThat(value).asString().startsWith("v1:"));
        assertThat(stored.values().toString()).doesNotContain(app.appId()).doesNotContain(app.appSecret());
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE kind = 'SHOP_AUTHORISED'")).isEqualTo(auditsBefore + 1);
        // the connector's own app is configured too: the orders coming means the shop's token served its calls
        assertThat(ordersOf(shop)).as("WeChat orders of the new shop").isPositive();
    }

    @Test
    void wrongWechatCredentialsAreRefusedAndNothingIsStored() {
        String shopId = sandbox.openShop(Platform.WECHAT).shopId();
        AppCredentials app = PlatformSandbox.wechatShopApp(shopId);
        long shopsBefore = count("SELECT COUNT(*) FROM shop");

        ShopAuthorisations.Outcome wrongSecret = authorisations.authoriseWithApp(admin(), Platform.WECHAT, null,
                new AppCredentials(app.appId(), "not-the-secret"));
        ShopAuthorisations.Outcome unknownApp = authorisations.authoriseWithApp(admin(), Platform.WECHAT, null,
                new AppCredentials("wx0000000000000000", app.appSecret()));

        assertThat(wrongSecret).isInstanceOfSatisfying(ShopAuthorisations.Outcome.Refused.class,
                refused -> assertThat(refused.reason()).contains("40125").doesNotContain("not-the-secret"));
        assertThat(unknownApp).isInstanceOfSatisfying(ShopAuthorisations.Outcome.Refused.class,
                refused -> assertThat(refused.reason()).contains("40013"));
        assertThat(count("SELECT COUNT(*) FROM shop")).isEqualTo(shopsBefore);
        assertThat(count("SELECT COUNT(*) FROM shop WHERE platform_shop_id = ?", shopId)).isZero();
    }

    @Test
    void aRevokedWechatShopIsReauthorisedWithItsApp() throws Exception {
        String shopId = sandbox.openShop(Platform.WECHAT).shopId();
        AppCredentials app = PlatformSandbox.wechatShopApp(shopId);
        Shop shop = ((ShopAuthorisations.Outcome.Authorised) authorisations.authoriseWithApp(admin(), Platform.WECHAT,
                null, app)).shop();
        jdbc.sql("UPDATE shop SET authorisation = 'NEEDS_REAUTHORISATION', authorisation_problem = 'reset' WHERE id = ?")
                .param(shop.id()).update();
        long reauthorisedBefore = count("SELECT COUNT(*) FROM audit_event WHERE kind = 'SHOP_REAUTHORISED'");

        // another shop's app is not this shop's
        String otherShop = sandbox.openShop(Platform.WECHAT).shopId();
        assertThat(authorisations.authoriseWithApp(admin(), Platform.WECHAT, shop.id(),
                PlatformSandbox.wechatShopApp(otherShop))).isInstanceOf(ShopAuthorisations.Outcome.Refused.class);
        assertThat(shops.get(shop.cooperativeId(), shop.id()).authorisation())
                .isEqualTo(Shop.Authorisation.NEEDS_REAUTHORISATION);

        ShopAuthorisations.Outcome outcome = authorisations.authoriseWithApp(admin(), Platform.WECHAT, shop.id(), app);

        assertThat(outcome).isInstanceOfSatisfying(ShopAuthorisations.Outcome.Authorised.class,
                done -> assertThat(done.reauthorised()).isTrue());
        assertThat(shops.get(shop.cooperativeId(), shop.id()).authorisation()).isEqualTo(Shop.Authorisation.ACTIVE);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE kind = 'SHOP_REAUTHORISED'"))
                .isEqualTo(reauthorisedBefore + 1);
    }

    @Test
    void aWechatShopAnotherCooperativeHoldsIsRefusedWithoutSayingWho() {
        String shopId = sandbox.openShop(Platform.WECHAT).shopId();
        var elsewhere = fixtures.cooperative();
        Shop held = shops.register(elsewhere.id(), Platform.WECHAT, shopId, "乙社的微信小店", null, ShopService.Grant.NONE);
        long shopsBefore = count("SELECT COUNT(*) FROM shop");

        ShopAuthorisations.Outcome outcome = authorisations.authoriseWithApp(admin(), Platform.WECHAT, null,
                PlatformSandbox.wechatShopApp(shopId));

        assertThat(outcome).isInstanceOfSatisfying(ShopAuthorisations.Outcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ShopAuthorisations.HELD_ELSEWHERE));
        assertThat(count("SELECT COUNT(*) FROM shop")).isEqualTo(shopsBefore);
        assertThat(count("SELECT COUNT(*) FROM shop WHERE id = ? AND app_id_enc IS NULL AND cooperative_id = ?",
                held.id(), elsewhere.id())).isEqualTo(1);
    }

    @Test
    void revokedDouyinAndKuaishouShopsAreReauthorisedThroughTheirFlows() throws Exception {
        JiyunUser admin = admin();
        for (Platform platform : new Platform[]{Platform.DOUYIN, Platform.KUAISHOU}) {
            URI first = authorisations.start(admin, "s", platform, null, REDIRECT);
            Shop shop = ((ShopAuthorisations.Outcome.Authorised) authorisations.complete(admin, "s", platform,
                    state(first), code(first), null, REDIRECT)).shop();
            jdbc.sql("UPDATE shop SET authorisation = 'NEEDS_REAUTHORISATION', authorisation_problem = 'gone' WHERE id = ?")
                    .param(shop.id()).update();
            String tokenBefore = jdbc.sql("SELECT access_token_enc FROM shop WHERE id = ?").param(shop.id())
                    .query(String.class).single();

            URI again = authorisations.start(admin, "s", platform, shop.id(), REDIRECT);
            // the seller picks the same shop on the platform's page
            HttpResponse<String> back = http.send(HttpRequest.newBuilder(again)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(again.getRawQuery() + "&shop=" + shop.platformShopId()
                            + "&decision=agree")).build(), HttpResponse.BodyHandlers.ofString());
            String code = URLDecoder.decode(back.headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
            ShopAuthorisations.Outcome outcome = authorisations.complete(admin, "s", platform, state(again), code, null,
                    REDIRECT);

            assertThat(outcome).as(platform.toString()).isInstanceOfSatisfying(ShopAuthorisations.Outcome.Authorised.class,
                    done -> assertThat(done.reauthorised()).isTrue());
            assertThat(shops.get(shop.cooperativeId(), shop.id()).authorisation()).isEqualTo(Shop.Authorisation.ACTIVE);
            assertThat(jdbc.sql("SELECT access_token_enc FROM shop WHERE id = ?").param(shop.id()).query(String.class)
                    .single()).isNotEqualTo(tokenBefore);
        }
    }

    @Test
    void aStateLivesTenMinutesAndAnExpiredOneIsRefused() throws Exception {
        JiyunUser admin = admin();
        URI page = authorisations.start(admin, "s", Platform.KUAISHOU, null, REDIRECT);
        String state = state(page);
        String hash = ShopAuthorisations.hash(state);
        Map<String, Object> request = jdbc.sql("SELECT created_at, expires_at FROM shop_authorisation_request "
                + "WHERE state_hash = ?").param(hash).query().singleRow();
        assertThat(Duration.between(((java.time.OffsetDateTime) request.get("created_at")).toInstant(),
                ((java.time.OffsetDateTime) request.get("expires_at")).toInstant())).isEqualTo(Duration.ofMinutes(10));
        String code = code(page);
        long shopsBefore = count("SELECT COUNT(*) FROM shop");
        // ten minutes and a second later
        jdbc.sql("UPDATE shop_authorisation_request SET created_at = created_at - INTERVAL '601' SECOND, "
                + "expires_at = expires_at - INTERVAL '601' SECOND WHERE state_hash = ?").param(hash).update();

        assertThat(authorisations.complete(admin, "s", Platform.KUAISHOU, state, code, null, REDIRECT))
                .isInstanceOf(ShopAuthorisations.Outcome.StateRefused.class);
        assertThat(count("SELECT COUNT(*) FROM shop")).isEqualTo(shopsBefore);
    }
}
