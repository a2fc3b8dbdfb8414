package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.JSON;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KuaishouOrderMapperTest {

    private final KuaishouOrderMapper mapper = new KuaishouOrderMapper(JSON);

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void mapsTheDocumentedOrderWithMillisecondTimesFenAndItsSku() throws Exception {
        CanonicalOrder order = mapper.toCanonical("2161524184", tree(order("2607602240240301", 30, 1699997060000L)));

        assertThat(order.platform()).isEqualTo(Platform.KUAISHOU);
        assertThat(order.shopId()).isEqualTo("2161524184");
        assertThat(order.platformOrderId()).isEqualTo("2607602240240301");
        assertThat(order.status()).isEqualTo(PlatformOrderStatus.PAID);
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2023-11-14T21:23:20Z"));
        assertThat(order.paidAt()).isEqualTo(Instant.ofEpochMilli(1699997060000L));
        assertThat(order.updatedAt()).isEqualTo(Instant.ofEpochMilli(1699997060000L));
        assertThat(order.shipBy()).isEqualTo(Instant.ofEpochMilli(1700169860000L));
        assertThat(order.totalAmountFen()).isEqualTo(9900);
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.platformSku()).isEqualTo("34567890123");
            assertThat(line.title()).isEqualTo("纯棉短袖T恤");
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.amountFen()).isEqualTo(9900);
        });
        assertThat(order.buyerProvince()).isEqualTo("浙江省");
        assertThat(order.buyerCity()).isEqualTo("杭州市");
    }

    @Test
    void keepsOrderIdsBeyondDoublePrecisionExact() throws Exception {
        CanonicalOrder order = mapper.toCanonical("s", tree(order("9007199254740993", 30, 1L)));
        assertThat(order.platformOrderId()).isEqualTo("9007199254740993");
    }

    @Test
    void keepsTheRawOrderButNoBuyerIdentityOutsideIt() throws Exception {
        JsonNode raw = tree(order("2607602240240301", 30, 1699997060000L));
        CanonicalOrder order = mapper.toCanonical("s", raw);

        assertThat(JSON.readTree(order.rawPayload())).isEqualTo(raw);
        String mapped = order.lines() + order.buyerProvince() + order.buyerCity();
        assertThat(mapped).doesNotContain("张*", "138****0021", "文新街道", "买家");
    }

    @ParameterizedTest
    @CsvSource({"10, AWAITING_PAYMENT", "30, PAID", "40, SHIPPED", "50, COMPLETED", "70, COMPLETED", "80, CANCELLED"})
    void translatesKuaishouStatuses(int kuaishouStatus, PlatformOrderStatus expected) throws Exception {
        assertThat(mapper.toCanonical("s", tree(order("1", kuaishouStatus, 1L))).status()).isEqualTo(expected);
    }

    @Test
    void treatsAZeroPayTimeAsUnpaid() throws Exception {
        String unpaid = order("1", 10, 1L).replace("\"payTime\":1699997060000", "\"payTime\":0");
        assertThat(mapper.toCanonical("s", tree(unpaid)).paidTime()).isEmpty();
    }

    @Test
    void refusesAnUnknownStatusWithAReasonAPersonCanActOn() {
        assertThatThrownBy(() -> mapper.toCanonical("s", tree(order("77", 99, 1L))))
                .isInstanceOf(KuaishouOrderMapper.UnmappableOrderException.class)
                .hasMessageContaining("77").hasMessageContaining("status 99");
    }

    @Test
    void refusesAnOrderWithoutUpdateTime() {
        String noUpdate = order("78", 30, 1L).replace("\"updateTime\":1,", "");
        assertThatThrownBy(() -> mapper.toCanonical("s", tree(noUpdate)))
                .isInstanceOf(KuaishouOrderMapper.UnmappableOrderException.class)
                .hasMessageContaining("updateTime");
    }
}
