package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorSettingsTest {

    @Test
    void takesThePlatformsDefaultsWhereTheSettingsSayNothing() {
        ConnectorSettings settings = ConnectorSettings.of(Platform.KUAISHOU,
                Map.of("base-url", "http://localhost", "page-size", "20"),
                Map.of("window-length", "1d", "page-size", "50"));

        assertThat(settings.windowLength()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.pageSize()).isEqualTo(20);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backfill()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.retry().maxAttempts()).isEqualTo(4);
        assertThat(settings.redelivery().maxRedeliveries()).isEqualTo(2);
    }

    @Test
    void refusesAPlatformWithoutABaseUrlAndPagesOverAHundred() {
        assertThatThrownBy(() -> ConnectorSettings.of(Platform.DOUYIN, Map.of(), Map.of()))
                .hasStackTraceContaining("base-url");
        assertThatThrownBy(() -> ConnectorSettings.of(Platform.DOUYIN,
                Map.of("base-url", "http://localhost", "page-size", "101"), Map.of()))
                .hasStackTraceContaining("page-size");
    }

    @Test
    void backsOffExponentiallyUpToTheLimit() {
        ConnectorSettings.Retry retry = new ConnectorSettings.Retry(6, Duration.ofMillis(100), Duration.ofMillis(500), 2.0);

        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(retry.backoffAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(retry.backoffAfter(5)).isEqualTo(Duration.ofMillis(500));
    }
}
