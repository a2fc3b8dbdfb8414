package cn.jiyun.fulfillment.audit;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13's audit trail: the actions that matter are kept with who and when; an admin reads their own cooperative's
 * (filtered by user, kind and day), an operator everyone's; a refused action leaves no entry; nothing edits one.
 */
@H2gisTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Fixtures fixtures;

    @Test
    void keepsWhoDidWhatForTheAdminOfThatCooperativeAndForTheOperator() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        JiyunUser operator = fixtures.user(coop, Role.OPERATOR);
        Producer producer = fixtures.producer(coop, "审计农户", 105.68, 37.49);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        String sku = fixtures.sku(coop, shop, producer, 500);
        long orderId = fixtures.paidOrder(shop, sku, 1).id();

        String courier = "courier-" + Fixtures.unique();
        mvc.perform(post("/api/users").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + courier + "\",\"displayName\":\"司机\",\"role\":\"COURIER\"}"))
                .andExpect(status().isCreated());
        // refused: no entry
        mvc.perform(post("/api/users").with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + courier + "\",\"displayName\":\"again\",\"role\":\"COURIER\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/orders/{id}/status", orderId).with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"CANCELLED\",\"note\":\"买家退款\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/cooperatives/{id}/suspension", coop.id()).with(user(operator))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"审计测试\"}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/cooperatives/{id}/suspension", coop.id()).with(user(operator)))
                .andExpect(status().isOk());

        List<JsonNode> trail = entries("/api/audit?size=50", admin);
        assertThat(trail).extracting(e -> e.get("kind").asText()).containsExactly("COOPERATIVE_RESUMED",
                "COOPERATIVE_SUSPENDED", "ORDER_STATUS_CHANGED", "USER_ADDED", "SHOP_AUTHORISED");
        assertThat(trail.get(3).get("actor").asText()).isEqualTo(admin.username());
        assertThat(trail.get(3).get("subject").asText()).contains(courier);
        assertThat(trail.get(1).get("actor").asText()).isEqualTo(operator.username());
        assertThat(trail.get(1).get("detail").asText()).isEqualTo("审计测试");
        assertThat(trail.get(2).get("detail").asText()).contains("AWAITING_PICKUP → CANCELLED").contains("买家退款");
        assertThat(trail.get(4).get("actor").asText()).as("no one logged in").isEqualTo(AuditTrail.SYSTEM);

        assertThat(entries("/api/audit?kind=USER_ADDED", admin)).hasSize(1);
        assertThat(entries("/api/audit?username=" + operator.username(), admin)).hasSize(2);
        assertThat(entries("/api/audit?day=2001-01-01", admin)).isEmpty();
        // another cooperative's admin sees none of it, whatever they ask; the operator sees it among everyone's
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        assertThat(entries("/api/audit?cooperativeId=" + coop.id(), stranger)).isEmpty();
        assertThat(entries("/api/audit?cooperativeId=" + coop.id(), operator)).hasSize(5);

        String page = mvc.perform(get("/admin/audit").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(courier).contains("data-kind=\"ORDER_STATUS_CHANGED\"");
        // nothing edits or deletes the trail
        mvc.perform(delete("/api/audit").with(user(admin)).with(csrf())).andExpect(status().is4xxClientError());
        mvc.perform(post("/api/audit").with(user(operator)).with(csrf())).andExpect(status().is4xxClientError());
    }

    private List<JsonNode> entries(String path, JiyunUser who) throws Exception {
        JsonNode body = json.readTree(mvc.perform(get(path).with(user(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<JsonNode> list = new ArrayList<>();
        body.get("content").forEach(list::add);
        return list;
    }
}
