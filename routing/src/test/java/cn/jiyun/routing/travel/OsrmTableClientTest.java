package cn.jiyun.routing.travel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.jiyun.routing.GeoPoint;

class OsrmTableClientTest {

    private static final MatrixPoint HUB = new MatrixPoint(new GeoPoint(38.28, 106.25), "640121");
    private static final MatrixPoint FARM = new MatrixPoint(new GeoPoint(38.20, 106.30), "640121");
    private static final MatrixPoint WORKSHOP = new MatrixPoint(new GeoPoint(38.10, 106.40), "640121");

    private WireMockServer osrm;

    @BeforeEach
    void start() {
        osrm = new WireMockServer(wireMockConfig().dynamicPort());
        osrm.start();
    }

    @AfterEach
    void stop() {
        osrm.stop();
    }

    private OsrmTableClient client(int blockSize) {
        return new OsrmTableClient(HttpClient.newHttpClient(), URI.create(osrm.baseUrl()), "driving", blockSize,
                Duration.ofSeconds(5));
    }

    @Test
    void readsDistancesAndDurationsOfTheTable() {
        osrm.stubFor(get(urlPathMatching("/table/v1/driving/.*")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("""
                {"code":"Ok",
                 "durations":[[0,600.4],[610.6,0]],
                 "distances":[[0,9800.2],[9900.7,0]]}
                """)));

        TravelMatrix matrix = client(100).compute(List.of(HUB, FARM));

        assertThat(matrix.durationSeconds(0, 1)).isEqualTo(600);
        assertThat(matrix.durationSeconds(1, 0)).isEqualTo(611);
        assertThat(matrix.distanceMetres(0, 1)).isEqualTo(9800);
        assertThat(matrix.distanceMetres(1, 0)).isEqualTo(9901);
        osrm.verify(getRequestedFor(urlPathMatching(
                "/table/v1/driving/106.250000,38.280000;106.300000,38.200000")));
    }

    @Test
    void splitsLargeTablesIntoBlocksAndStitchesThemTogether() {
        // Block size 2 over 3 points: blocks (0-1 x 0-1), (0-1 x 2), (2 x 0-1), (2 x 2).
        osrm.stubFor(get(urlPathMatching("/table/v1/driving/.*")).willReturn(aResponse().withBody("""
                {"code":"Ok","durations":[[1,2],[3,4]],"distances":[[10,20],[30,40]]}
                """)));

        TravelMatrix matrix = client(2).compute(List.of(HUB, FARM, WORKSHOP));

        assertThat(matrix.size()).isEqualTo(3);
        osrm.verify(4, getRequestedFor(urlPathMatching("/table/v1/driving/.*")));
        assertThat(matrix.distanceMetres(1, 1)).isEqualTo(40);
        assertThat(matrix.distanceMetres(2, 2)).isEqualTo(10);
    }

    @Test
    void marksPairsWithoutARouteUnreachable() {
        osrm.stubFor(get(urlPathMatching("/table/v1/driving/.*")).willReturn(aResponse().withBody("""
                {"code":"Ok","durations":[[0,null],[null,0]],"distances":[[0,null],[null,0]]}
                """)));

        TravelMatrix matrix = client(100).compute(List.of(HUB, FARM));

        assertThat(matrix.durationSeconds(0, 1)).isEqualTo(TravelMatrix.UNREACHABLE);
    }

    @Test
    void reportsAServiceErrorClearly() {
        osrm.stubFor(get(urlPathMatching("/table/v1/driving/.*")).willReturn(aResponse().withStatus(400).withBody("""
                {"code":"TooBig","message":"Too many table coordinates"}
                """)));

        assertThatThrownBy(() -> client(100).compute(List.of(HUB, FARM)))
                .isInstanceOf(OsrmTableClient.TravelMatrixException.class)
                .hasMessageContaining("HTTP 400");
    }
}
