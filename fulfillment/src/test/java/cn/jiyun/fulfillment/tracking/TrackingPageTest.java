package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public tracking link shows where the parcels are, to anyone with the link, and nothing about anyone. */
@H2gisTest
class TrackingPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void showsTheOrdersProgressWithoutLoginAndWithoutPersonalData() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        Producer producer = fixtures.producer(coop, "马家枸杞园", 105.70, 37.50);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Order order = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 1);
        for (String step : new String[] {"PLANNED", "PICKED_UP", "AT_HUB"}) {
            mvc.perform(post("/api/orders/{id}/status", order.id()).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"status\": \"" + step + "\"}")).andExpect(status().isOk());
        }
        String detail = mvc.perform(post("/api/orders/{id}/status", order.id()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"HANDED_TO_CARRIER\", \"carrier\": \"ZTO\", \"waybillNumber\": \"78312345678901\"}"))
                .andReturn().getResponse().getContentAsString();
        String trackingUrl = JsonPath.read(detail, "$.trackingUrl");
        String path = URI.create(trackingUrl).getPath();
        assertThat(path).startsWith("/track/");
        assertThat(path.substring("/track/".length())).hasSizeGreaterThanOrEqualTo(32);

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已交快递发出")))
                .andExpect(content().string(containsString("已揽收")))
                .andExpect(content().string(containsString("78312345678901")))
                .andExpect(content().string(containsString(order.platformOrderId())))
                .andExpect(content().string(not(containsString("深圳市"))))
                .andExpect(content().string(not(containsString("马家枸杞园"))))
                .andExpect(content().string(not(containsString("6800"))));
        mvc.perform(get(path).param("lang", "en"))
                .andExpect(content().string(containsString("Handed to the carrier")));
    }

    @Test
    void knowsNoUnknownLink() throws Exception {
        mvc.perform(get("/track/not-a-real-token-0123456789abcdef")).andExpect(status().isNotFound());
    }
}
