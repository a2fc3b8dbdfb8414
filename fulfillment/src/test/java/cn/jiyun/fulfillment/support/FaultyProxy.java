package cn.jiyun.fulfillment.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unreliable network in front of a platform: forwards each request to the real (sandboxed)
 * platform, but, at random with a fixed seed, answers 503, throttles (429), stalls past the
 * client's read timeout, or cuts the answer's body short.
 */
public final class FaultyProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final Random random;
    private final double faultRate;
    private final long stallMillis;
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    public FaultyProxy(URI target, long seed, double faultRate, long stallMillis) throws IOException {
        this.target = target;
        this.random = new Random(seed);
        this.faultRate = faultRate;
        this.stallMillis = stallMillis;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int faults() {
        return faults.get();
    }

    public int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int fault;
            synchronized (random) {
                fault = random.nextDouble() < faultRate ? random.nextInt(4) : -1;
            }
            if (fault == 0) {
                faults.incrementAndGet();
                reply(exchange, 503, "Service Unavailable".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault == 1) {
                faults.incrementAndGet();
                reply(exchange, 429, "Too Many Requests".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault == 2) {
                faults.incrementAndGet();
                sleep(stallMillis);
                reply(exchange, 504, new byte[0]);
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            forwarded.incrementAndGet();
            byte[] content = answer.body();
            if (fault == 3 && content.length > 8) {
                faults.incrementAndGet();
                byte[] cut = new byte[content.length / 2];
                System.arraycopy(content, 0, cut, 0, cut.length);
                content = cut;
            }
            answer.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            reply(exchange, answer.statusCode(), content);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(target.toString() + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase();
            if (!lower.equals("host") && !lower.equals("content-length") && !lower.equals("connection")
                    && !lower.equals("upgrade") && !lower.equals("expect")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(HttpExchange exchange, int status, byte[] content) throws IOException {
        exchange.sendResponseHeaders(status, content.length == 0 ? -1 : content.length);
        if (content.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

}
