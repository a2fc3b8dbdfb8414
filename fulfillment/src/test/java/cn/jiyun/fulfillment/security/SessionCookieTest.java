package cn.jiyun.fulfillment.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' session cookie, as a real server sets it: {@code SameSite=Lax} and {@code HttpOnly} always,
 * {@code Secure} when the request came over TLS, here through a proxy on the same host that says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/h2gis-${random.uuid}",
        "jiyun.demo.enabled=false",
        "jiyun.planning.warm-up=false"})
class SessionCookieTest {

    @LocalServerPort
    int port;

    private String sessionCookie(String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> login = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("the login page set no session cookie: "
                        + login.headers().map()));
    }

    @Test
    void isSameSiteLaxAndHttpOnlyAndSecureOnlyOverTls() throws Exception {
        String plain = sessionCookie(null);
        assertThat(plain).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        assertThat(sessionCookie("https")).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
    }
}
