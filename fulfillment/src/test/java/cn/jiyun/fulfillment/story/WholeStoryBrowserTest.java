package cn.jiyun.fulfillment.story;

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

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story in a real browser, on the start command's own demo (sandbox profile, demo
 * cooperative, demo users): a cooperative admin plans and approves, a courier opens the manifest
 * and confirms pickups, a seller sees the order picked up, and the public link shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/story-${random.uuid}",
        "jiyun.sandbox.webhook-callback="})
class WholeStoryBrowserTest {

    @DynamicPropertySource
    static void freeSandboxPort(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            registry.add("jiyun.sandbox.port", () -> port);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCourierLogsInAndSeesTheRoutesPage() {
        try (Browser courier = Browser.open(port, 412, 915)) {
            courier.logIn("courier-1", "demo");
            assertThat(courier.currentPath()).isEqualTo("/manifests");
            assertThat(courier.find(By.tagName("h1")).getText()).isEqualTo("揽收线路");
            courier.screenshot("smoke-routes");
        }
    }
}
