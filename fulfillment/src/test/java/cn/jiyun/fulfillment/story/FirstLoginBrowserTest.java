package cn.jiyun.fulfillment.story;

import cn.jiyun.fulfillment.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's first steps of a new cooperative in a real browser, on a store with only an operator: the operator
 * opens the cooperative, its admin (with the password the operator chose) adds a courier on {@code /admin/users} and
 * reads the one-time password; the courier must set their own password before anything else, then works with it
 * while the one-time one no longer opens anything; the admin sees the courier on the users page and the step in the
 * audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/first-login-${random.uuid}",
        "jiyun.demo.enabled=false",
        "jiyun.planning.warm-up=false",
        "jiyun.bootstrap.operator-username=" + FirstLoginBrowserTest.OPERATOR,
        "jiyun.bootstrap.operator-password=" + FirstLoginBrowserTest.OPERATOR_PASSWORD})
class FirstLoginBrowserTest {

    static final String OPERATOR = "jiyun-ops";
    static final String OPERATOR_PASSWORD = "steppe-lantern-48";

    @LocalServerPort
    int port;

    @Test
    void anOperatorOpensACooperativeItsAdminAddsACourierAndTheCourierChoosesTheirOwnPassword() {
        String adminUsername = "helan-admin";
        String adminPassword = "orchard-gate-77";
        try (Browser operator = Browser.open(port, 1280, 900)) {
            operator.logIn(OPERATOR, OPERATOR_PASSWORD);
            assertThat(operator.currentPath()).isEqualTo("/operator");
            operator.find(By.id("name")).sendKeys("贺兰山东麓果蔬合作社");
            operator.find(By.id("adminUsername")).sendKeys(adminUsername);
            operator.find(By.id("adminPassword")).sendKeys(adminPassword);
            operator.submit(By.id("open-save"));
            assertThat(operator.find(By.id("cooperatives")).getText()).contains("贺兰山东麓果蔬合作社");
        }

        String oneTime;
        try (Browser admin = Browser.open(port, 1280, 900)) {
            admin.logIn(adminUsername, adminPassword);
            assertThat(admin.currentPath()).as("the operator's choice needs no change").isEqualTo("/board");
            admin.go("/admin/users");
            admin.find(By.id("user-new")).click();
            admin.find(By.id("username")).sendKeys("helan-courier");
            admin.find(By.id("displayName")).sendKeys("马师傅");
            new Select(admin.find(By.id("role"))).selectByValue("COURIER");
            admin.submit(By.id("user-save"));
            oneTime = admin.find(By.id("one-time-password")).getText();
            assertThat(oneTime).matches("[a-z0-9]{16}");
            admin.screenshot("user-added");
        }

        String ownPassword = "ningxia-route-2026";
        try (Browser courier = Browser.open(port, 412, 915)) {
            courier.logIn("helan-courier", oneTime);
            assertThat(courier.currentPath()).isEqualTo("/password");
            assertThat(courier.find(By.id("must-change")).isDisplayed()).isTrue();
            courier.go("/manifests");
            assertThat(courier.currentPath()).as("nothing else before the password").isEqualTo("/password");
            courier.find(By.id("currentPassword")).sendKeys(oneTime);
            courier.find(By.id("newPassword")).sendKeys("1234567890");
            courier.submit(By.id("password-save"));
            assertThat(courier.find(By.id("password-error")).getAttribute("data-error-for")).isEqualTo("newPassword");
            courier.find(By.id("currentPassword")).sendKeys(oneTime);
            courier.find(By.id("newPassword")).sendKeys(ownPassword);
            courier.submit(By.id("password-save"));
            courier.waitUntil(d -> !d.getCurrentUrl().contains("/password"));
            assertThat(courier.currentPath()).isEqualTo("/manifests");
        }

        try (Browser courier = Browser.open(port, 412, 915)) {
            courier.go("/login");
            courier.find(By.id("username")).sendKeys("helan-courier");
            courier.find(By.id("password")).sendKeys(oneTime);
            courier.find(By.cssSelector("form button[type=submit]")).click();
            courier.waitUntil(ExpectedConditions.urlContains("error"));
            courier.logIn("helan-courier", ownPassword);
            assertThat(courier.currentPath()).isEqualTo("/manifests");
        }

        try (Browser admin = Browser.open(port, 1280, 900)) {
            admin.logIn(adminUsername, adminPassword);
            admin.go("/admin/users");
            String row = admin.find(By.cssSelector("tr[data-username='helan-courier']")).getText();
            assertThat(row).contains("马师傅").doesNotContain("待设置");
            admin.go("/admin/audit");
            assertThat(admin.find(By.id("audit")).getText()).contains("user helan-courier").contains(adminUsername);
        }
    }
}
