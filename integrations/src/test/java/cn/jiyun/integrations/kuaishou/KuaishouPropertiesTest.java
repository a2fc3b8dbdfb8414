package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.kuaishou.KuaishouSigner.SignMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KuaishouPropertiesTest {

    @Test
    void refusesWindowsLongerThanKuaishouAccepts() {
        assertThatThrownBy(() -> KuaishouFixtures.properties("http://localhost", SignMethod.MD5, Duration.ZERO,
                Duration.ofDays(8), 50))
                .hasMessageContaining("max-window");
    }

    @Test
    void backsOffExponentiallyUpToTheLimit() {
        KuaishouProperties.Retry retry = new KuaishouProperties.Retry(6, Duration.ofMillis(100), Duration.ofMillis(500), 2.0);

        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.backoffAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(retry.backoffAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(retry.backoffAfter(5)).isEqualTo(Duration.ofMillis(500));
    }
}
