package cn.jiyun.integrations.douyin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.jiyun.integrations.douyin.DouyinFixtures.APP_KEY;
import static cn.jiyun.integrations.douyin.DouyinFixtures.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** README 1.9 pushes read into sync hints, without the HTTP around them. */
class DouyinWebhookTest {

    private final DouyinWebhook webhook = new DouyinWebhook(new DouyinSigner(APP_KEY, APP_SECRET, DouyinSignMethod.HMAC_SHA256));

    @Test
    void turnsTheReadmeExampleIntoAPaidHintForItsShop() throws Exception {
        List<DouyinPushMessage> messages = webhook.messages(DouyinSignerTest.readmeVectorBody());

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.tag()).isEqualTo("101");
            assertThat(message.msgId()).isEqualTo("7300000000000000001");
            assertThat(webhook.hint(message)).hasValue(
                    new DouyinSyncHint("12345678", "4984023467827309610", "ORDER_PAID", "7300000000000000001"));
        });
    }

    @Test
    void readsAStringParentOrderIdAndADataObjectLeniently() {
        byte[] body = ("[{\"tag\":\"126\",\"msg_id\":\"1\",\"data\":{\"p_id\":\"4984023467827309610\",\"shop_id\":7,"
                + "\"exp_delivery_time\":1700169320}}]").getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.hint(webhook.messages(body).get(0))).hasValueSatisfying(hint -> {
            assertThat(hint.orderId()).isEqualTo("4984023467827309610");
            assertThat(hint.shopId()).isEqualTo("7");
            assertThat(hint.event()).isEqualTo("SHIP_DEADLINE_CHANGED");
        });
    }

    @Test
    void hintsAfterSaleEventsAndIgnoresTagsThatDoNotConcernOrders() {
        byte[] refunded = "[{\"tag\":\"206\",\"msg_id\":\"2\",\"data\":\"{\\\"aftersale_id\\\":9,\\\"shop_id\\\":7}\"}]"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.hint(webhook.messages(refunded).get(0))).hasValue(
                new DouyinSyncHint("7", "", "AFTER_SALE_206", "2"));
        assertThat(DouyinMessageTag.eventOf("999")).isEmpty();
        assertThat(webhook.hint(new DouyinPushMessage("999", "3", null))).isEmpty();
        assertThat(webhook.hint(new DouyinPushMessage("0", "4", null))).isEmpty();
    }

    @Test
    void refusesAnOrderPushWithoutShop() {
        byte[] body = "[{\"tag\":\"100\",\"msg_id\":\"5\",\"data\":\"{\\\"p_id\\\":1}\"}]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> webhook.hint(webhook.messages(body).get(0)))
                .hasMessageContaining("names no shop_id");
    }

    @Test
    void refusesAPushSignedForAnotherAppKey() throws Exception {
        byte[] body = DouyinSignerTest.readmeVectorBody();

        assertThat(webhook.isAuthentic(body, APP_KEY, "a488df856f35e59fad5ad836ebcda2e6")).isTrue();
        assertThat(webhook.isAuthentic(body, null, "a488df856f35e59fad5ad836ebcda2e6")).isTrue();
        assertThat(webhook.isAuthentic(body, "7000000000000000002", "a488df856f35e59fad5ad836ebcda2e6")).isFalse();
    }
}
