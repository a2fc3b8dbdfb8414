package cn.jiyun.fulfillment.intake;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import cn.jiyun.integrations.sandbox.SandboxCatalogue;
import cn.jiyun.integrations.sandbox.SandboxCredentials;
import cn.jiyun.integrations.sandbox.SandboxOrder;
import cn.jiyun.integrations.sandbox.SandboxProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake issue's "done when", over real HTTP: a Douyin-compatible server (the sandbox, which
 * checks every signature) at a configured base URL; a shop registered through the API has all its
 * orders ingested, each exactly once; a webhook with a bad signature gets 401 and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/e2e-${random.uuid}",
        // an order stored while its SKU was being mapped is settled by the mapping sweep
        "jiyun.platforms.douyin.poll-interval=2s",
        "jiyun.orders.mapping-sweep-interval=2s"})
class PlatformEndToEndTest {

    private static final String SHOP_ID = "77000001";
    private static final List<String> SKUS = List.of("E2E-GOJI-500", "E2E-GOJI-JUICE");
    private static final PlatformSandbox DOUYIN = new PlatformSandbox(SandboxProperties.forTests(5, 45));

    static {
        DOUYIN.start(new SandboxCatalogue(List.of(new SandboxCatalogue.Shop(Platform.DOUYIN, SHOP_ID,
                "e2e-access", "e2e-refresh", SKUS.stream().map(s -> new SandboxCatalogue.Sku(s, "中宁枸杞", 6_800)).toList()))));
    }

    @DynamicPropertySource
    static void douyinAtTheSandbox(DynamicPropertyRegistry registry) {
        SandboxProperties.connectorProperties(DOUYIN.port()).forEach((key, value) -> {
            if (key.startsWith("jiyun.platforms.douyin.") && !key.endsWith("poll-interval")) {
                registry.add(key, () -> value);
            }
        });
    }

    @AfterAll
    static void stopSandbox() {
        DOUYIN.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    private Map<String, String> storedStatuses() {
        return jdbc.sql("SELECT o.platform_order_id, o.status FROM orders o JOIN shop s ON s.id = o.shop_id "
                        + "WHERE s.platform_shop_id = :shop")
                .param("shop", SHOP_ID)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
    }

    private static void awaitUntil(Supplier<Boolean> condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.get() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
    }

    @Test
    void ingestsARegisteredShopsOrdersExactlyOnceAndRefusesForgedWebhooks() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        Producer producer = fixtures.producer(coop, "中宁枸杞园", 105.70, 37.50);
        TestRestTemplate asAdmin = http.withBasicAuth(admin.getUsername(), Fixtures.PASSWORD);

        ResponseEntity<Map> shop = asAdmin.postForEntity("/api/shops", json("""
                {"platform": "DOUYIN", "shopId": "%s", "name": "宁夏红枸杞旗舰店",
                 "accessToken": "e2e-access", "refreshToken": "e2e-refresh"}""".formatted(SHOP_ID)), Map.class);
        assertThat(shop.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Number shopRef = (Number) shop.getBody().get("id");
        for (String sku : SKUS) {
            assertThat(asAdmin.postForEntity("/api/shops/" + shopRef + "/sku-mappings", json("""
                    {"platformSku": "%s", "producerId": %d, "productName": "中宁枸杞", "unitWeightGrams": 650,
                     "unitVolumeMl": 2000}""".formatted(sku, producer.id())), Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }

        Map<String, String> truth = DOUYIN.orders(Platform.DOUYIN, SHOP_ID).stream().collect(Collectors.toMap(
                SandboxOrder::orderId, o -> o.state() == SandboxOrder.State.CANCELLED ? "CANCELLED" : "AWAITING_PICKUP"));
        // the backfill runs in the background once the shop is registered; orders mapped later are taken
        // when their SKUs are mapped, so ask for one more sync to see the final state
        asAdmin.postForEntity("/api/shops/" + shopRef + "/sync", null, Void.class);
        awaitUntil(() -> storedStatuses().equals(truth));

        assertThat(truth).hasSize(45);
        assertThat(storedStatuses()).isEqualTo(truth);
        long before = rows();

        String push = "[{\"tag\":\"101\",\"msg_id\":\"e2e-1\",\"data\":\"{\\\"p_id\\\":6921000000000000001,"
                + "\\\"shop_id\\\":" + SHOP_ID + "}\"}]";
        HttpHeaders forged = new HttpHeaders();
        forged.setContentType(MediaType.APPLICATION_JSON);
        forged.set("event-sign", "0123456789abcdef0123456789abcdef");
        ResponseEntity<String> refused = http.postForEntity("/webhooks/douyin", new HttpEntity<>(push, forged),
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rows()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dead_letter").query(Long.class).single()).isZero();

        HttpHeaders signed = new HttpHeaders();
        signed.setContentType(MediaType.APPLICATION_JSON);
        SandboxCredentials app = SandboxCredentials.DEMO;
        signed.set("event-sign", md5(app.douyinAppKey() + push + app.douyinAppSecret()));
        ResponseEntity<String> accepted = http.postForEntity("/webhooks/douyin", new HttpEntity<>(push, signed),
                String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).contains("\"code\":0").contains("success");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
