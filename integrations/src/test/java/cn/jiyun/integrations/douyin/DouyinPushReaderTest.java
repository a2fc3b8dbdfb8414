package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.sync.Push;
import cn.jiyun.integrations.sync.PushRefusedException;
import cn.jiyun.integrations.sync.SyncHint;
import cn.jiyun.integrations.sync.UnreadablePushException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.jiyun.integrations.douyin.DouyinFixtures.APP_KEY;
import static cn.jiyun.integrations.douyin.DouyinFixtures.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** README 1.9 pushes read into sync hints, without the HTTP around them. */
class DouyinPushReaderTest {

    private final DouyinSigner signer = new DouyinSigner(APP_KEY, APP_SECRET, DouyinSignMethod.HMAC_SHA256);
    private final DouyinPushReader reader = new DouyinPushReader(signer);

    private List<SyncHint> read(byte[] body, String appId, String eventSign) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("app-id", appId);
        headers.put("event-sign", eventSign);
        return reader.read(new Push(body, headers::get));
    }

    private List<SyncHint> readSigned(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return read(bytes, APP_KEY, signer.eventSign(bytes));
    }

    @Test
    void turnsTheReadmeExampleIntoAHintForItsShop() throws Exception {
        List<SyncHint> hints = read(DouyinSignerTest.readmeVectorBody(), APP_KEY, "a488df856f35e59fad5ad836ebcda2e6");

        assertThat(hints).singleElement().satisfies(hint -> {
            assertThat(hint.messageId()).isEqualTo("7300000000000000001");
            assertThat(hint.shopIds()).containsExactly("12345678");
        });
    }

    @Test
    void readsADataObjectLeniently() {
        List<SyncHint> hints = readSigned("[{\"tag\":\"126\",\"msg_id\":\"1\",\"data\":{\"p_id\":\"4984023467827309610\","
                + "\"shop_id\":7,\"exp_delivery_time\":1700169320}}]");

        assertThat(hints).singleElement().satisfies(hint -> assertThat(hint.shopIds()).containsExactly("7"));
    }

    @Test
    void hintsAfterSaleEventsAndIgnoresTagsThatDoNotConcernOrders() {
        List<SyncHint> hints = readSigned("[{\"tag\":\"206\",\"msg_id\":\"2\",\"data\":\"{\\\"aftersale_id\\\":9,\\\"shop_id\\\":7}\"},"
                + "{\"tag\":\"999\",\"msg_id\":\"3\"},{\"tag\":\"0\",\"msg_id\":\"4\"}]");

        assertThat(hints).extracting(SyncHint::messageId).containsExactly("2");
        assertThat(DouyinMessageTag.eventOf("999")).isEmpty();
    }

    @Test
    void keepsAnOrderPushWithoutShopAsUnreadable() {
        assertThatThrownBy(() -> readSigned("[{\"tag\":\"100\",\"msg_id\":\"5\",\"data\":\"{\\\"p_id\\\":1}\"}]"))
                .isInstanceOf(UnreadablePushException.class)
                .hasMessageContaining("names no shop_id");
    }

    @Test
    void refusesAPushSignedForAnotherAppKey() throws Exception {
        byte[] body = DouyinSignerTest.readmeVectorBody();

        assertThat(read(body, null, "a488df856f35e59fad5ad836ebcda2e6")).hasSize(1);
        assertThatThrownBy(() -> read(body, "7000000000000000002", "a488df856f35e59fad5ad836ebcda2e6"))
                .isInstanceOf(PushRefusedException.class);
        assertThatThrownBy(() -> read(body, APP_KEY, "00" + "a488df856f35e59fad5ad836ebcda2e6".substring(2)))
                .isInstanceOf(PushRefusedException.class);
    }
}
