package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static cn.jiyun.integrations.wechat.WechatFixtures.SHOP_ID;
import static cn.jiyun.integrations.wechat.WechatFixtures.orderAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WechatOrderMapperTest {

    private final WechatOrderMapper mapper = new WechatOrderMapper(new ObjectMapper());

    @Test
    void mapsTheReadmeOrderDetail() {
        String answer = WechatFixtures.resource("order-get-readme.json");

        CanonicalOrder order = mapper.toCanonical(SHOP_ID, answer);

        assertThat(order.platform()).isEqualTo(Platform.WECHAT);
        assertThat(order.shopId()).isEqualTo(SHOP_ID);
        assertThat(order.platformOrderId()).isEqualTo("3705115058471208928");
        assertThat(order.status()).isEqualTo(PlatformOrderStatus.PAID);
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2023-11-14T21:23:20Z"));
        assertThat(order.paidAt()).isEqualTo(Instant.ofEpochSecond(1699997060L));
        assertThat(order.updatedAt()).isEqualTo(Instant.ofEpochSecond(1699997060L));
        assertThat(order.shipBy()).isEqualTo(Instant.ofEpochSecond(1700169860L));
        assertThat(order.lines()).containsExactly(new OrderLine("2000001234567", "纯棉短袖T恤", 1, 9900));
        assertThat(order.totalAmountFen()).isEqualTo(9900);
        assertThat(order.buyerProvince()).isEqualTo("浙江省");
        assertThat(order.buyerCity()).isEqualTo("杭州市");
        assertThat(order.rawPayload()).startsWith("{\n    \"order_id\": \"3705115058471208928\"").endsWith("}")
                .contains("\"delivery_deadline\": 1700169860")
                .doesNotContain("errcode");
    }

    @ParameterizedTest
    @CsvSource({"10,AWAITING_PAYMENT", "20,PAID", "21,SHIPPED", "30,SHIPPED", "100,COMPLETED", "190,CANCELLED",
            "200,CANCELLED", "250,CANCELLED"})
    void mapsEveryWechatStatus(int wechatStatus, PlatformOrderStatus expected) {
        assertThat(mapper.toCanonical(SHOP_ID, orderAnswer("1", wechatStatus, 1699997100L)).status())
                .isEqualTo(expected);
    }

    @Test
    void keepsOrderIdsBeyondDoublePrecisionExact() {
        String answer = orderAnswer("x", 20, 1699997100L).replace("\"order_id\":\"x\"",
                "\"order_id\":3705115058471208931");

        assertThat(mapper.toCanonical(SHOP_ID, answer).platformOrderId()).isEqualTo("3705115058471208931");
    }

    @Test
    void refusesUnknownStatusWithAnActionableReason() {
        assertThatThrownBy(() -> mapper.toCanonical(SHOP_ID, orderAnswer("77", 999, 1699997100L)))
                .isInstanceOf(UnmappableOrderException.class)
                .hasMessageContaining("order 77 has status 999");
    }

    @Test
    void refusesMillisecondTimes() {
        assertThatThrownBy(() -> mapper.toCanonical(SHOP_ID, orderAnswer("78", 20, 1699997100000L)))
                .isInstanceOf(UnmappableOrderException.class)
                .hasMessageContaining("not in seconds");
    }

    @Test
    void refusesLinesWithoutSku() {
        String answer = orderAnswer("79", 20, 1699997100L).replace("\"sku_id\":\"2000001234567\",", "");

        assertThatThrownBy(() -> mapper.toCanonical(SHOP_ID, answer))
                .isInstanceOf(UnmappableOrderException.class)
                .hasMessageContaining("order 79 product_infos[0] has no sku_id");
    }

    @Test
    void refusesAnAnswerWithoutOrder() {
        assertThatThrownBy(() -> mapper.toCanonical(SHOP_ID, "{\"errcode\":0,\"errmsg\":\"ok\"}"))
                .isInstanceOf(UnmappableOrderException.class)
                .hasMessageContaining("without an \"order\"");
    }
}
