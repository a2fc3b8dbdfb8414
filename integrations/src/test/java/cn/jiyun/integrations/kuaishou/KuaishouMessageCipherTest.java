package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.sync.PushRefusedException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KuaishouMessageCipherTest {

    /** The plaintext of the README 2.8 test vector. */
    private static final String DOCUMENTED_PLAINTEXT = "{\"eventId\":\"243_4027_2375715766426\",\"bizId\":2607602240240301,"
            + "\"userId\":2161524184,\"openId\":\"f1b68e8f2a4995ed14bf57245903fd9a\",\"appKey\":\"ks000000000000000001\","
            + "\"event\":\"kwaishop_order_paySuccess\",\"info\":\"{\\\"oid\\\":2607602240240301,\\\"sellerId\\\":2161524184,"
            + "\\\"status\\\":30,\\\"updateTime\\\":1700000000000}\",\"createTime\":1700000001000,\"test\":false}";

    private final KuaishouMessageCipher cipher = new KuaishouMessageCipher(KuaishouFixtures.MESSAGE_KEY);

    @Test
    void encryptionAsKuaishouDoesItMatchesTheDocumentedCiphertext() {
        assertThat(KuaishouFixtures.encrypt(DOCUMENTED_PLAINTEXT, KuaishouFixtures.MESSAGE_KEY))
                .startsWith("bR+wF2nPNNun2sKB6x5rQnSOliMjne23/WFmr6v2ghrI8lQF");
    }

    @Test
    void sealsAsKuaishouDoesSoTheSandboxCanPushWithIt() {
        assertThat(cipher.encrypt(DOCUMENTED_PLAINTEXT))
                .isEqualTo(KuaishouFixtures.encrypt(DOCUMENTED_PLAINTEXT, KuaishouFixtures.MESSAGE_KEY));
    }

    @Test
    void decryptsTheDocumentedMessage() {
        String body = KuaishouFixtures.encrypt(DOCUMENTED_PLAINTEXT, KuaishouFixtures.MESSAGE_KEY);
        assertThat(cipher.decrypt(body)).isEqualTo(DOCUMENTED_PLAINTEXT);
    }

    @Test
    void refusesABodyEncryptedWithAnotherKey() {
        String body = KuaishouFixtures.encrypt(DOCUMENTED_PLAINTEXT, "ZmVkY2JhOTg3NjU0MzIxMA==");
        assertThatThrownBy(() -> cipher.decrypt(body))
                .isInstanceOf(PushRefusedException.class);
    }

    @Test
    void refusesPlainText() {
        assertThatThrownBy(() -> cipher.decrypt(DOCUMENTED_PLAINTEXT))
                .isInstanceOf(PushRefusedException.class);
    }
}
