package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.manifests.ApprovedRoute;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.PostgisTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pickups' tables and their once-only constraints on the production store. */
@PostgisTest
class PostgisPickupsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void aParcelGoesFromTheStopToTheCarrierOnPostgis() throws Exception {
        ApprovedRoute approved = ApprovedRoute.make(mvc, fixtures);
        String code = JsonPath.<List<String>>read(mvc.perform(get("/api/routes/{id}/pickups", approved.routeId())
                .with(as(approved.courier()))).andReturn().getResponse().getContentAsString(),
                "$.stops[0].parcels[*].code").get(0);
        String body = "{\"codes\": [\"" + code + "\"], \"requestId\": \"pg-1\"}";
        String first = send(approved, "/api/routes/" + approved.routeId() + "/pickups", body);
        assertThat(send(approved, "/api/routes/" + approved.routeId() + "/pickups", body)).isEqualTo(first);
        send(approved, "/api/hub/arrivals", "{\"codes\": [\"" + code + "\"]}");
        String handover = send(approved, "/api/hub/handovers",
                "{\"code\": \"" + code + "\", \"carrier\": \"YTO\", \"waybillNumber\": \"YT7512345678901\"}");
        long orderId = JsonPath.<Number>read(handover, "$.orderId").longValue();

        String order = mvc.perform(get("/api/orders/{id}", orderId).with(as(approved.admin())))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(order, "$.events[*].status"))
                .containsSubsequence("PLANNED", "PICKED_UP", "AT_HUB", "HANDED_TO_CARRIER");
        String writeBacks = mvc.perform(get("/api/write-backs").with(as(approved.admin())))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(writeBacks, "$.content[?(@.orderId == " + orderId + ")].waybillNumber"))
                .containsExactly("YT7512345678901");
    }

    private String send(ApprovedRoute approved, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(approved.courier())).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
