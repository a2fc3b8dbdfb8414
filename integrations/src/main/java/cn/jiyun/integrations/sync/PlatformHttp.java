package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One platform's HTTP calls with the back-off every connector uses: each attempt sends a fresh request (a
 * fresh timestamp and signature); 5xx, 429, timeouts, connection failures and what the platform's reader
 * marks {@link #repeat} are tried again after {@code retry.*}'s wait. After the last attempt the failure is
 * retryable, for the sync route to redeliver. Request URIs may carry access tokens, so none is logged.
 */
public final class PlatformHttp {

    private static final Logger log = LoggerFactory.getLogger(PlatformHttp.class);

    /** Turns one answer (status below 500, not 429) into its value, or throws {@link #repeat} or a refusal. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(int status, String body);
    }

    private final Platform platform;
    private final ConnectorSettings settings;
    private final HttpClient http;

    public PlatformHttp(Platform platform, ConnectorSettings settings) {
        this(platform, settings, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public PlatformHttp(Platform platform, ConnectorSettings settings, HttpClient http) {
        this.platform = platform;
        this.settings = settings;
        this.http = http;
    }

    /** A request to the platform, with the read timeout. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
    }

    /** {@code path} below the platform's base URL. */
    public URI uri(String path) {
        return URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + path);
    }

    /** A failure the same call may get past shortly: the attempt is repeated after the back-off. */
    public PlatformException repeat(String code, String message) {
        return new Repeat(platform, code, message);
    }

    public <T> T call(String what, Supplier<HttpRequest> request, AnswerReader<T> reader) {
        ConnectorSettings.Retry retry = settings.retry();
        PlatformException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                retry.pauseAfter(attempt - 1, platform);
            }
            try {
                HttpResponse<String> answer = http.send(request.get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = answer.statusCode();
                if (status >= 500 || status == 429) {
                    throw repeat("http-" + status, what + " answered HTTP " + status);
                }
                return reader.read(status, answer.body());
            } catch (Repeat e) {
                last = e;
            } catch (HttpTimeoutException e) {
                last = repeat("timeout", what + " timed out");
            } catch (IOException e) {
                // the exception may carry the URI, and with it the access token: keep only its type
                last = repeat("io", what + " failed: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException(platform, "interrupted", what + " was interrupted", true, e);
            }
            log.warn("{} {} attempt {}/{} failed: {}", platform.displayName(), what, attempt, retry.maxAttempts(),
                    last.getMessage());
        }
        throw new PlatformException(platform, last.platformCode(),
                "gave up after " + retry.maxAttempts() + " attempts: " + last.getMessage(), true, last);
    }

    private static final class Repeat extends PlatformException {
        Repeat(Platform platform, String code, String message) {
            super(platform, code, message, true);
        }
    }
}
