package cn.jiyun.fulfillment.store;

import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Intake on the embedded default, H2GIS. */
@H2gisTest
class H2gisIntakeStoreTest extends IntakeStoreContract {

    @Test
    void looksAPageOfOrdersUpByTheirIdsNotByScanningTheShop() {
        // a page's stored orders are read with platform_order_id IN (…); H2 narrows an IN list through an index
        // only on the index's first column, so with the key led by (platform, shop_id) each page read every order
        // the shop ever had
        String plan = jdbc.sql("""
                        EXPLAIN SELECT id FROM orders
                        WHERE platform = 'DOUYIN' AND shop_id = 1 AND platform_order_id IN ('a', 'b', 'c')""")
                .query(String.class).single();

        Matcher index = Pattern.compile("/\\* PUBLIC\\.ORDERS_PLATFORM_ORDER\\w*: ([^*]*)\\*/").matcher(plan);
        assertThat(index.find()).as(plan).isTrue();
        assertThat(index.group(1)).contains("PLATFORM_ORDER_ID IN");
    }
}
