package cn.jiyun.fulfillment.story;

import cn.jiyun.fulfillment.support.FreePorts;
import cn.jiyun.fulfillment.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's authorisation in a real browser, on the demo: the admin clicks 授权新店铺 for Douyin and for Kuaishou,
 * consents on the sandbox's platform page, comes back to the shops page with a new authorised shop (no token typed),
 * and the shop's orders arrive; declining comes back with a notice and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/authorise-${random.uuid}",
        "jiyun.sandbox.webhook-callback=",
        "jiyun.platforms.douyin.poll-interval=1s",
        "jiyun.platforms.kuaishou.poll-interval=1s"})
class ShopAuthorisationBrowserTest {

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        FreePorts.sandboxAndServer(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminAuthorisesADouyinAndAKuaishouShopOnThePlatformsPagesAndTheirOrdersArrive() throws Exception {
        long shopsBefore = shops();
        try (Browser admin = Browser.open(port, 1280, 900)) {
            admin.logIn("coop-admin", "demo");
            for (String platform : new String[] {"douyin", "kuaishou"}) {
                admin.go("/admin/shops");
                admin.find(By.id("authorise-" + platform)).click();
                admin.find(By.id("agree"));
                assertThat(admin.driver().getCurrentUrl()).as("the platform's own page")
                        .doesNotStartWith("http://localhost:" + port);
                admin.screenshot("authorise-" + platform);
                admin.find(By.id("agree")).click();
                admin.waitUntil(Duration.ofSeconds(30), d -> d.getCurrentUrl().startsWith("http://localhost:" + port)
                        && !d.findElements(By.id("notice")).isEmpty());
                assertThat(admin.find(By.id("notice")).getAttribute("class")).doesNotContain("error");
            }
            long afterConsent = shops();
            assertThat(afterConsent).isEqualTo(shopsBefore + 2);

            admin.go("/admin/shops");
            admin.find(By.id("authorise-douyin")).click();
            admin.find(By.id("deny")).click();
            admin.waitUntil(Duration.ofSeconds(30), d -> d.getCurrentUrl().startsWith("http://localhost:" + port)
                    && !d.findElements(By.id("notice")).isEmpty());
            assertThat(admin.find(By.id("notice")).getAttribute("class")).contains("error");
            assertThat(shops()).isEqualTo(afterConsent);
        }
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(60);
        long newShopOrders;
        do {
            Thread.sleep(500);
            newShopOrders = jdbc.sql("SELECT COUNT(*) FROM orders o JOIN shop s ON s.id = o.shop_id "
                    + "WHERE s.id > (SELECT MAX(id) - 3 FROM shop) AND s.id IN (SELECT id FROM shop ORDER BY id DESC "
                    + "FETCH FIRST 2 ROWS ONLY)").query(Long.class).single();
        } while (newShopOrders == 0 && java.time.Instant.now().isBefore(giveUp));
        assertThat(newShopOrders).as("orders of the new shops").isPositive();
    }

    private long shops() {
        return jdbc.sql("SELECT COUNT(*) FROM shop WHERE authorisation = 'ACTIVE'").query(Long.class).single();
    }
}
