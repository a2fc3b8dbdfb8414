package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README gives couriers their routes, pickups, hub scans and read-only hubs, producers and vehicles:
 * no order and no shop (a courier once listed every order of the cooperative with its buyer's city and amount).
 */
@H2gisTest
class CourierReadsNoOrderTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void refusesOrdersAndShopsToACourierButNotToAnAdminOrASeller() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        mvc.perform(get("/api/orders").param("size", "1").with(as(courier))).andExpect(status().isForbidden());
        mvc.perform(get("/api/orders/1").with(as(courier))).andExpect(status().isForbidden());
        mvc.perform(get("/api/shops").with(as(courier))).andExpect(status().isForbidden());
        // what the README does give a courier stays open
        mvc.perform(get("/api/hubs").with(as(courier))).andExpect(status().isOk());
        mvc.perform(get("/api/orders").with(as(fixtures.user(coop, Role.COOP_ADMIN)))).andExpect(status().isOk());
        mvc.perform(get("/api/orders").with(as(fixtures.user(coop, Role.SELLER)))).andExpect(status().isOk());
    }
}
