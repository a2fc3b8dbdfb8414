package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.sync.PushRefusedException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README 3.6 vectors: the official URL-check example and the computed event-encryption vector. */
class WechatMessageCryptoTest {

    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_ID = "wx0000000000000001";
    static final String TOKEN = "AAAAA";
    static final String PLAINTEXT = "{\"ToUserName\":\"gh_0123456789ab\",\"FromUserName\":\"oABCD1234567890\","
            + "\"CreateTime\":1700000300,\"MsgType\":\"event\",\"Event\":\"channels_ec_order_pay\","
            + "\"order_info\":{\"order_id\":3705115058471208928,\"pay_time\":1700000299}}";

    private final WechatMessageCrypto crypto = new WechatMessageCrypto(TOKEN, AES_KEY, APP_ID);

    @Test
    void signsUrlVerificationLikeTheOfficialExample() {
        assertThat(WechatMessageCrypto.sha1OfSorted("AAAAA", "1714036504", "1514711492"))
                .isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
        assertThat(crypto.verifyUrl("f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492")).isTrue();
        assertThat(crypto.verifyUrl("f464b24fc39322e44b38aa78f5edd27bd1441697", "1714036504", "1514711492")).isFalse();
    }

    @Test
    void encryptsAndSignsTheReadmeEventVector() {
        String encrypted = crypto.encrypt("aaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII), PLAINTEXT);

        assertThat(encrypted).startsWith("5I0ViYLQqCiDyNw9bygZh/qB3hz7GJowbJsiGJWQHY98O6mp");
        // The signature covers the whole Encrypt value, so this also pins the rest of the ciphertext.
        assertThat(crypto.messageSignature("1700000300", "1514711492", encrypted))
                .isEqualTo("6d60a67f7124c949e8901d92142e4ee4182491d5");
        assertThat(crypto.verifyMessage("6d60a67f7124c949e8901d92142e4ee4182491d5", "1700000300", "1514711492",
                encrypted)).isTrue();
    }

    @Test
    void decryptsTheReadmeEventVector() {
        String encrypted = crypto.encrypt("aaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII), PLAINTEXT);

        assertThat(crypto.decrypt(encrypted)).isEqualTo(PLAINTEXT);
    }

    @Test
    void roundTripsMessagesOfEveryPaddingLength() {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            assertThat(crypto.decrypt(crypto.encrypt(message.toString()))).isEqualTo(message.toString());
            message.append(i % 2 == 0 ? "单" : "x");
        }
    }

    @Test
    void rejectsMessageSealedForAnotherApp() {
        String foreign = new WechatMessageCrypto(TOKEN, AES_KEY, "wx0000000000000002").encrypt(PLAINTEXT);

        assertThatThrownBy(() -> crypto.decrypt(foreign))
                .isInstanceOf(PushRefusedException.class)
                .hasMessageContaining("wx0000000000000002");
    }

    @Test
    void rejectsTamperedSignatureAndGarbage() {
        String encrypted = crypto.encrypt(PLAINTEXT);
        String signature = crypto.messageSignature("1700000300", "1514711492", encrypted);

        assertThat(crypto.verifyMessage(signature, "1700000301", "1514711492", encrypted)).isFalse();
        assertThat(crypto.verifyMessage(null, "1700000300", "1514711492", encrypted)).isFalse();
        assertThatThrownBy(() -> crypto.decrypt("not base64 at all!"))
                .isInstanceOf(PushRefusedException.class);
    }

    @Test
    void refusesAnEncodingAesKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new WechatMessageCrypto(TOKEN, "abcd", APP_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("43");
    }
}
