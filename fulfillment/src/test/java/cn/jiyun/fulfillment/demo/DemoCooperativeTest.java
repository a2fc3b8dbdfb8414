package cn.jiyun.fulfillment.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The embedded default as a newcomer starts it: an empty store gets the demo cooperative. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@TestPropertySource(properties = "jiyun.data-dir=./target/test-data/demo-${random.uuid}")
class DemoCooperativeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoCooperative demo;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void startsWithARealisticNingxiaCooperative() throws Exception {
        mvc.perform(get("/api/producers").param("size", "1").with(httpBasic("coop-admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(300))
                .andExpect(jsonPath("$.content[0].synthetic").value(true))
                .andExpect(jsonPath("$.content[0].location.longitude").isNumber());
        mvc.perform(get("/api/hubs").with(httpBasic("courier-1", "demo")))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[*].countyCode").value(
                        org.hamcrest.Matchers.containsInAnyOrder("640521", "640302", "640323")));
        mvc.perform(get("/api/orders").with(httpBasic("seller-1", "demo"))).andExpect(status().isOk());

        // every producer lies in Ningxia, within reach of a hub
        assertThat(count("SELECT COUNT(*) FROM producer WHERE ST_X(location) NOT BETWEEN 104.2 AND 107.7 "
                + "OR ST_Y(location) NOT BETWEEN 35.2 AND 39.4")).isZero();
        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE refrigerated")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE status = 'AWAITING_PICKUP'")).isGreaterThan(300);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE status = 'NEEDS_ATTENTION'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM parcel WHERE chilled")).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT platform) FROM shop")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM orders o WHERE o.ship_by <= o.paid_at")).isZero();
    }

    @Test
    void loadsOnlyIntoAnEmptyStore() {
        long producers = count("SELECT COUNT(*) FROM producer");
        demo.run(null);
        assertThat(count("SELECT COUNT(*) FROM producer")).isEqualTo(producers);
    }
}
