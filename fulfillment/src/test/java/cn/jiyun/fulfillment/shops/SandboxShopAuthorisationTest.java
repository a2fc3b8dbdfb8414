package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Platform;
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
 * token exchanges: the shops appear with encrypted tokens, an audit event, and orders arriving; a
 * reused, wrong, missing or another session's state, and a declined authorisation, change nothing.
 */
@SpringBootTest
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/oauth-${random.uuid}",
        "jiyun.sandbox.webhook-callback=",
        "jiyun.platforms.douyin.poll-interval=1s",
        "jiyun.platforms.kuaishou.poll-interval=1s"})
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
}
