package cn.jiyun.fulfillment.story;

import cn.jiyun.fulfillment.support.FreePorts;
import cn.jiyun.fulfillment.support.Browser;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
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
 * and the shop's orders arrive; declining comes back with a notice and stores nothing. For WeChat the admin types the
 * shop's appid and AppSecret, read off the sandbox's shop console as a shop owner reads them off 服务市场 → 自研.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/authorise-${random.uuid}",
        "jiyun.sandbox.webhook-callback=",
        "jiyun.platforms.douyin.poll-interval=1s",
        "jiyun.platforms.kuaishou.poll-interval=1s",
        "jiyun.platforms.wechat.poll-interval=1s"})
class ShopAuthorisationBrowserTest {

    @DynamicPropertySource
    static void freePorts(DynamicPropertyRegistry registry) {
        FreePorts.sandboxAndServer(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformSandbox sandbox;

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

    @Test
    void anAdminAuthorisesAWechatShopWithItsSelfBuiltAppAndItsOrdersArrive() throws Exception {
        long shopsBefore = shops();
        String shopId;
        try (Browser admin = Browser.open(port, 1280, 900)) {
            admin.logIn("coop-admin", "demo");
            // the shop owner opens a shop on the sandbox's console and reads its app's credentials there
            admin.driver().get(sandbox.wechatShopConsole());
            admin.submit(By.id("open-shop"));
            shopId = admin.driver().getCurrentUrl().replaceAll(".*#", "");
            String appId = admin.find(By.cssSelector("tr[data-shop='" + shopId + "'] .appid")).getText();
            String appSecret = admin.find(By.cssSelector("tr[data-shop='" + shopId + "'] .secret")).getText();

            admin.go("/admin/shops");
            admin.submit(By.id("authorise-wechat"));
            assertThat(admin.find(By.id("app-where")).getText()).contains("服务市场").contains("自研");
            admin.find(By.id("appId")).sendKeys(appId);
            admin.find(By.id("appSecret")).sendKeys("not-the-secret");
            admin.submit(By.id("app-save"));
            assertThat(admin.find(By.id("app-refused")).getText()).contains("40125");
            assertThat(admin.find(By.id("appId")).getAttribute("value")).isEqualTo(appId);
            assertThat(admin.find(By.id("appSecret")).getAttribute("value")).isEmpty();
            assertThat(admin.driver().getPageSource()).doesNotContain("not-the-secret");
            assertThat(shops()).isEqualTo(shopsBefore);

            admin.find(By.id("appSecret")).sendKeys(appSecret);
            admin.screenshot("authorise-wechat");
            admin.submit(By.id("app-save"));
            assertThat(admin.find(By.id("notice")).getAttribute("class")).doesNotContain("error");
            assertThat(admin.find(By.id("shop-facts")).getText()).contains(shopId).doesNotContain(appSecret);
        }
        assertThat(shops()).isEqualTo(shopsBefore + 1);
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(60);
        long orders;
        do {
            Thread.sleep(500);
            orders = jdbc.sql("SELECT COUNT(*) FROM orders o JOIN shop s ON s.id = o.shop_id "
                    + "WHERE s.platform = 'WECHAT' AND s.platform_shop_id = ?").param(shopId).query(Long.class).single();
        } while (orders == 0 && java.time.Instant.now().isBefore(giveUp));
        assertThat(orders).as("orders of the new WeChat shop").isPositive();
    }

    private long shops() {
        return jdbc.sql("SELECT COUNT(*) FROM shop WHERE authorisation = 'ACTIVE'").query(Long.class).single();
    }
}
