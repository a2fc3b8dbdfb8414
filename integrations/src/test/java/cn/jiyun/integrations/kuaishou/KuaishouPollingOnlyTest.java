package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.sync.PlatformRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.encrypt;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.pushMessage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kuaishou app set up without the message key (a shop that allows only polling): the connector starts with only
 * what its API calls need, and its webhook answers that it is not configured, naming the setting.
 */
@SpringBootTest(classes = KuaishouTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "jiyun.platforms.kuaishou.base-url=http://localhost:9",
                "jiyun.platforms.kuaishou.app-key=" + KuaishouFixtures.APP_KEY,
                "jiyun.platforms.kuaishou.app-secret=" + KuaishouFixtures.APP_SECRET,
                "jiyun.platforms.kuaishou.sign-secret=" + KuaishouFixtures.SIGN_SECRET,
                "jiyun.platforms.kuaishou.poll-initial-delay=1h",
                "jiyun.platforms.kuaishou.poll-interval=1h",
                "camel.main.name=kuaishou-polling-only-test"
        })
class KuaishouPollingOnlyTest {

    @LocalServerPort
    int port;
    @Autowired
    PlatformRoutes routes;
    @Autowired
    KuaishouConnector connector;

    @Test
    void startsWithoutTheMessageKeyAndSaysTheWebhookIsNotConfigured() throws Exception {
        assertThat(connector).isNotNull();
        String push = encrypt(pushMessage("evt-polling-only", "2161524184", "2607602240240301"),
                KuaishouFixtures.MESSAGE_KEY);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + routes.webhookPath()))
                        .header("Content-Type", "text/plain;charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(push)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("webhook is not configured", "jiyun.platforms.kuaishou.message-key",
                "polling");
    }
}
