package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static cn.jiyun.integrations.douyin.DouyinFixtures.SHOP_ID;
import static cn.jiyun.integrations.douyin.DouyinFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** README 1.5 orders in canonical terms. */
class DouyinOrderMapperTest {

    private final DouyinOrderMapper mapper = new DouyinOrderMapper();
    private final ObjectMapper json = new ObjectMapper();

    JsonNode tree(String order) throws Exception {
        return json.readTree(order);
    }

    @Test
    void mapsAPaidOrderWithSecondsFenShipByAndRegionOnly() throws Exception {
        CanonicalOrder order = mapper.map(SHOP_ID, tree(order("6921234567890123456", 2, 1699996800)));

        assertThat(order.platform()).isEqualTo(Platform.DOUYIN);
        assertThat(order.shopId()).isEqualTo(SHOP_ID);
        assertThat(order.platformOrderId()).isEqualTo("6921234567890123456");
        assertThat(order.status()).isEqualTo(PlatformOrderStatus.PAID);
        assertThat(order.createdAt()).isEqualTo(Instant.ofEpochSecond(1699990000));
        assertThat(order.paidAt()).isEqualTo(Instant.ofEpochSecond(1699990020));
        assertThat(order.updatedAt()).isEqualTo(Instant.ofEpochSecond(1699996800));
        assertThat(order.shipBy()).isEqualTo(Instant.ofEpochSecond(1700169320));
        assertThat(order.totalAmountFen()).isEqualTo(9900);
        assertThat(order.buyerProvince()).isEqualTo("宁夏回族自治区");
        assertThat(order.buyerCity()).isEqualTo("固原市");
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.platformSku()).isEqualTo("1768123456789012");
            assertThat(line.title()).isEqualTo("中宁枸杞 500克");
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.amountFen()).isEqualTo(9900);
        });
    }

    @Test
    void keepsTheRawOrderWithoutTheReceiversReadableDetails() throws Exception {
        String raw = order("6921234567890123456", 2, 1699996800)
                .replace("\"encrypt_post_receiver\"", "\"post_receiver\":\"张三\",\"post_tel\":\"13800000021\",\"encrypt_post_receiver\"")
                .replace("\"detail\":\"\"", "\"detail\":\"南关街1号\"");

        CanonicalOrder order = mapper.map(SHOP_ID, tree(raw));

        assertThat(order.rawPayload())
                .contains("\"order_id\":\"6921234567890123456\"", "\"sku_id\":1768123456789012", "#Aa1Bb2#1##")
                .doesNotContain("张三", "张**", "13800000021", "1********21", "南关街1号");
    }

    @Test
    void readsMillisecondTimesAsMilliseconds() throws Exception {
        String raw = order("6921234567890123456", 2, 1699996800).replace("\"update_time\":1699996800",
                "\"update_time\":1699996800123");

        assertThat(mapper.map(SHOP_ID, tree(raw)).updatedAt()).isEqualTo(Instant.ofEpochMilli(1699996800123L));
    }

    @Test
    void leavesPaidAtAndShipByEmptyWhileDouyinSendsZero() throws Exception {
        String raw = order("6921234567890123456", 1, 1699996800)
                .replace("\"pay_time\":1699990020", "\"pay_time\":0")
                .replace("\"exp_ship_time\":1700169320", "\"exp_ship_time\":0");

        CanonicalOrder order = mapper.map(SHOP_ID, tree(raw));

        assertThat(order.paidTime()).isEmpty();
        assertThat(order.shipByDeadline()).isEmpty();
        assertThat(order.status()).isEqualTo(PlatformOrderStatus.AWAITING_PAYMENT);
    }

    @ParameterizedTest
    @CsvSource({"1,AWAITING_PAYMENT", "105,PAID", "2,PAID", "101,PAID", "3,SHIPPED", "4,CANCELLED", "5,COMPLETED"})
    void mapsEveryDocumentedStatus(int douyinStatus, PlatformOrderStatus expected) throws Exception {
        assertThat(mapper.map(SHOP_ID, tree(order("6921234567890123456", douyinStatus, 1699996800))).status())
                .isEqualTo(expected);
    }

    @Test
    void refusesAnOrderOfAnotherShop() throws Exception {
        assertThatThrownBy(() -> mapper.map("999", tree(order("6921234567890123456", 2, 1699996800))))
                .isInstanceOf(DouyinUnmappableOrder.class)
                .hasMessageContaining("belongs to shop 12345678");
    }

    @Test
    void refusesALineWithoutSkuIdSayingWhichOne() throws Exception {
        String raw = order("6921234567890123456", 2, 1699996800).replace("\"sku_id\":1768123456789012,", "");

        assertThatThrownBy(() -> mapper.map(SHOP_ID, tree(raw)))
                .isInstanceOf(DouyinUnmappableOrder.class)
                .hasMessageContaining("6921234567890123456")
                .hasMessageContaining("no sku_id");
    }
}
