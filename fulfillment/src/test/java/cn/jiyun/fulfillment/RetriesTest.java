package cn.jiyun.fulfillment;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The back-off of the outside-call queues doubles up to its longest wait, and the attempts end where they should. */
class RetriesTest {

    private final Retries retries = new Retries(8, Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theWaitDoublesFromTheFirstUpToTheLongest() {
        assertThat(retries.backOffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retries.backOffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retries.backOffAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(retries.backOffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(retries.backOffAfter(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRefusalForGoodOrTheLastAttemptGivesUp() {
        assertThat(retries.givesUp(0, false)).isFalse();
        assertThat(retries.givesUp(6, false)).isFalse();
        assertThat(retries.givesUp(7, false)).isTrue();
        assertThat(retries.givesUp(0, true)).isTrue();
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new Retries(0, Duration.ofSeconds(30), Duration.ofHours(1)))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new Retries(3, Duration.ofHours(2), Duration.ofHours(1)))
                .hasMessageContaining("first-back-off");
    }
}
