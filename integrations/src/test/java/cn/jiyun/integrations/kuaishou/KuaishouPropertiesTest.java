package cn.jiyun.integrations.kuaishou;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KuaishouPropertiesTest {

    @Test
    void refusesWindowsLongerThanKuaishouAccepts() {
        assertThatThrownBy(() -> new KuaishouConnector(KuaishouFixtures.settings("http://localhost", Duration.ZERO,
                Duration.ofDays(8), 50), null, null, null, null))
                .hasMessageContaining("window-length");
    }
}
