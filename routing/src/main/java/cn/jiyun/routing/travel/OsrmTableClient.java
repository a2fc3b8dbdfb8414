package cn.jiyun.routing.travel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks an OSRM-compatible {@code table} service for road distances and durations. Large point sets are cut into
 * blocks of at most {@code blockSize} sources by {@code blockSize} destinations (OSRM's default table limit is 100),
 * requested in parallel.
 */
public final class OsrmTableClient implements TravelMatrixSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI baseUrl;
    private final String profile;
    private final int blockSize;
    private final Duration timeout;

    public OsrmTableClient(URI baseUrl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, "driving", 100,
                Duration.ofSeconds(30));
    }

    public OsrmTableClient(HttpClient http, URI baseUrl, String profile, int blockSize, Duration timeout) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be positive");
        }
        this.http = http;
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.profile = profile;
        this.blockSize = blockSize;
        this.timeout = timeout;
    }

    @Override
    public TravelMatrix compute(List<MatrixPoint> points) {
        int n = points.size();
        long[][] distances = new long[n][n];
        long[][] durations = new long[n][n];
        List<CompletableFuture<Void>> blocks = new ArrayList<>();
        for (int sourceStart = 0; sourceStart < n; sourceStart += blockSize) {
            for (int destinationStart = 0; destinationStart < n; destinationStart += blockSize) {
                blocks.add(fetchBlock(points, sourceStart, Math.min(n, sourceStart + blockSize), destinationStart,
                        Math.min(n, destinationStart + blockSize), distances, durations));
            }
        }
        try {
            CompletableFuture.allOf(blocks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        return new TravelMatrix(distances, durations);
    }

    private CompletableFuture<Void> fetchBlock(List<MatrixPoint> points, int sourceStart, int sourceEnd,
            int destinationStart, int destinationEnd, long[][] distances, long[][] durations) {
        boolean sameBlock = sourceStart == destinationStart;
        List<MatrixPoint> coordinates = new ArrayList<>(points.subList(sourceStart, sourceEnd));
        if (!sameBlock) {
            coordinates.addAll(points.subList(destinationStart, destinationEnd));
        }
        int sourceCount = sourceEnd - sourceStart;
        int destinationCount = destinationEnd - destinationStart;
        int destinationOffset = sameBlock ? 0 : sourceCount;
        String url = baseUrl + "/table/v1/" + profile + "/" + coordinates.stream()
                .map(p -> String.format(Locale.ROOT, "%.6f,%.6f", p.location().longitude(), p.location().latitude()))
                .collect(Collectors.joining(";"))
                + "?sources=" + indexList(0, sourceCount)
                + "&destinations=" + indexList(destinationOffset, destinationCount)
                + "&annotations=duration,distance";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
            JsonNode body = parse(response, url);
            JsonNode durationRows = body.path("durations");
            JsonNode distanceRows = body.path("distances");
            if (!durationRows.isArray() || !distanceRows.isArray()) {
                throw new TravelMatrixException("table service answered without durations and distances: " + url);
            }
            for (int i = 0; i < sourceCount; i++) {
                for (int j = 0; j < destinationCount; j++) {
                    durations[sourceStart + i][destinationStart + j] = value(durationRows.path(i).path(j));
                    distances[sourceStart + i][destinationStart + j] = value(distanceRows.path(i).path(j));
                }
            }
        });
    }

    private static JsonNode parse(HttpResponse<String> response, String url) {
        if (response.statusCode() != 200) {
            throw new TravelMatrixException("table service answered HTTP " + response.statusCode() + " for " + url);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (!"Ok".equals(body.path("code").asText())) {
                throw new TravelMatrixException("table service answered code " + body.path("code").asText() + ": "
                        + body.path("message").asText());
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable table response from " + url, e);
        }
    }

    /** OSRM reports null for pairs it cannot connect. */
    private static long value(JsonNode cell) {
        return cell.isNumber() ? Math.round(cell.asDouble()) : TravelMatrix.UNREACHABLE;
    }

    private static String indexList(int offset, int count) {
        return IntStream.range(offset, offset + count).mapToObj(Integer::toString).collect(Collectors.joining(";"));
    }

    /** The table service failed or answered something unusable. */
    public static final class TravelMatrixException extends RuntimeException {
        public TravelMatrixException(String message) {
            super(message);
        }
    }
}
