package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.sync.Push;
import cn.jiyun.integrations.sync.PushRefusedException;
import cn.jiyun.integrations.sync.SyncHint;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Kuaishou push is taken while Kuaishou may still be redelivering it, and refused as a replay after. */
class KuaishouPushReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-11T12:00:00Z");
    private final KuaishouMessageCipher cipher = new KuaishouMessageCipher(KuaishouFixtures.MESSAGE_KEY);
    private final KuaishouPushReader reader = new KuaishouPushReader(cipher, KuaishouFixtures.APP_KEY,
            new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void takesAPushJustSentAndTheLastOfKuaishousRedeliveries() {
        assertThat(read(NOW.minusSeconds(2))).extracting(SyncHint::messageId).containsExactly("evt-1");
        // redelivered after 5 + 10 + 20 + 30 + 60 minutes: the same body, created more than two hours ago
        assertThat(read(NOW.minus(Duration.ofMinutes(125)))).hasSize(1);
        assertThat(read(NOW.plus(Duration.ofMinutes(2)))).hasSize(1);
    }

    @Test
    void refusesAPushOlderThanTheRedeliveriesOrFromTheFuture() {
        assertThatThrownBy(() -> read(NOW.minus(Duration.ofHours(3)).minusSeconds(1)))
                .isInstanceOf(PushRefusedException.class).hasMessageContaining("outside the redelivery window");
        assertThatThrownBy(() -> read(NOW.plus(Duration.ofMinutes(6))))
                .isInstanceOf(PushRefusedException.class).hasMessageContaining("replayed or delayed");
    }

    private List<SyncHint> read(Instant createdAt) {
        String message = KuaishouFixtures.pushMessage("evt-1", "2161524184", "open-2161524184", "2607602240240301",
                createdAt.toEpochMilli());
        byte[] body = cipher.encrypt(message).getBytes(StandardCharsets.UTF_8);
        return reader.read(new Push(body, name -> null));
    }
}
