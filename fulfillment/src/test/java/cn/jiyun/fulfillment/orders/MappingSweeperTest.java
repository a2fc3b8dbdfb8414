package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.SkuMapping;
import cn.jiyun.fulfillment.shops.SkuMappings;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@H2gisTest
class MappingSweeperTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SkuMappings mappings;
    @Autowired
    Orders orders;
    @Autowired
    MappingSweeper sweeper;

    @Test
    void takesAnOrderWhoseSkuWasMappedWithoutItNoticing() {
        Cooperative coop = fixtures.cooperative();
        Producer producer = fixtures.producer(coop, "枸杞园", 105.70, 37.50);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Order waiting = fixtures.paidOrder(shop, "LATE-SKU", 1);
        assertThat(waiting.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
        // stored straight away, as a mapping committed while the order was being stored would look to it
        mappings.save(new SkuMapping(coop.id(), shop.id(), "LATE-SKU", producer.id(), "枸杞", 650, 2_000, false));

        sweeper.sweep();

        assertThat(orders.findById(waiting.id()).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_PICKUP);
    }
}
