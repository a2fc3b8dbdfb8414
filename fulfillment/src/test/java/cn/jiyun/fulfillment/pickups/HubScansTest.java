package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.manifests.ApprovedRoute;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** At the county hub: parcels scanned in off the van, and orders handed to the express carrier. */
@H2gisTest
class HubScansTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    ApprovedRoute approved;
    List<String> codes;

    @BeforeEach
    void aRouteWhoseParcelsAreAllCollected() throws Exception {
        approved = ApprovedRoute.make(mvc, fixtures);
        codes = JsonPath.parse(mvc.perform(get("/api/routes/{id}/pickups", approved.routeId()).with(as(approved.courier())))
                .andReturn().getResponse().getContentAsString()).read("$.stops[*].parcels[*].code");
        assertThat(codes).hasSizeGreaterThanOrEqualTo(2);
        mvc.perform(post("/api/routes/{id}/pickups", approved.routeId()).with(as(approved.courier()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"codes\": [\"" + String.join("\", \"", codes) + "\"]}")).andExpect(status().isOk());
        for (String code : codes) {
            assertThat(statusOf(code)).isEqualTo("PICKED_UP");
        }
    }

    @Test
    void ordersAreAtTheHubOnceTheirParcelsAreScannedInAndAScanAgainChangesNothing() throws Exception {
        String first = codes.get(0);
        // collected, not yet scanned in: the hub page lists every one as on its way
        assertThat(onTheWay()).containsExactlyInAnyOrderElementsOf(codes);

        String arrival = send(approved.courier(), "/api/hub/arrivals", "{\"codes\": [\"" + first + "\"]}", 200);
        assertThat(JsonPath.<Boolean>read(arrival, "$.parcels[0].alreadyArrived")).isFalse();
        assertThat(JsonPath.<String>read(arrival, "$.orders[0].status")).isEqualTo("AT_HUB");
        assertThat(statusOf(first)).isEqualTo("AT_HUB");
        assertThat(statusOf(codes.get(1))).isEqualTo("PICKED_UP");

        String again = send(approved.courier(), "/api/hub/arrivals", "{\"codes\": [\"" + first.toLowerCase() + "\"]}", 200);
        assertThat(JsonPath.<Boolean>read(again, "$.parcels[0].alreadyArrived")).isTrue();
        assertThat(JsonPath.<List<?>>read(again, "$.orders")).isEmpty();
        assertThat(order(first).<List<?>>read("$.events[?(@.status == 'AT_HUB')]")).hasSize(1);

        // the rest through the page, several codes in one field as a scanner types them
        MvcResult page = mvc.perform(post("/hub/arrivals").with(user(approved.courier())).with(csrf())
                        .param("codes", String.join("\n", codes.subList(1, codes.size()))).param("requestId", "r1"))
                .andExpect(redirectedUrl("/hub")).andReturn();
        assertThat((String) page.getFlashMap().get("notice")).contains("已登记到达 " + (codes.size() - 1) + " 件包裹");
        for (String code : codes) {
            assertThat(statusOf(code)).isEqualTo("AT_HUB");
        }
        assertThat(onTheWay()).isEmpty();
        String manifest = mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(approved.courier())))
                .andReturn().getResponse().getContentAsString();
        assertThat(manifest).contains("已到集散点");
    }

    /** The codes the hub page lists as collected and not yet scanned in. */
    private List<String> onTheWay() throws Exception {
        String page = mvc.perform(get("/hub").with(user(approved.courier()))).andReturn().getResponse()
                .getContentAsString();
        String section = page.substring(page.indexOf("id=\"on-the-way\""), page.indexOf("id=\"waiting\""));
        return java.util.regex.Pattern.compile("data-code=\"([^\"]+)\"").matcher(section).results()
                .map(m -> m.group(1)).toList();
    }

    @Test
    void handingOverWithAWaybillQueuesTheWriteBackOnce() throws Exception {
        String code = codes.get(0);
        send(approved.courier(), "/api/hub/arrivals", "{\"codes\": [\"" + code + "\"]}", 200);

        String handover = send(approved.courier(), "/api/hub/handovers",
                "{\"code\": \"" + code + "\", \"carrier\": \"ZTO\", \"waybillNumber\": \" 78312345678901 \"}", 200);
        assertThat(JsonPath.<Boolean>read(handover, "$.alreadyHandedOver")).isFalse();
        DocumentContext order = order(code);
        assertThat(order.<String>read("$.status")).isEqualTo("HANDED_TO_CARRIER");
        assertThat(order.<String>read("$.carrier")).isEqualTo("ZTO");
        assertThat(order.<String>read("$.waybillNumber")).isEqualTo("78312345678901");
        assertThat(writeBacks(order.read("$.id", Long.class))).containsExactly("PENDING 78312345678901");

        String again = send(approved.courier(), "/api/hub/handovers",
                "{\"orderId\": " + order.read("$.id") + ", \"carrier\": \"ZTO\", \"waybillNumber\": \"78312345678901\"}", 200);
        assertThat(JsonPath.<Boolean>read(again, "$.alreadyHandedOver")).isTrue();
        String other = send(approved.courier(), "/api/hub/handovers",
                "{\"code\": \"" + code + "\", \"carrier\": \"SF\", \"waybillNumber\": \"SF1234567890\"}", 409);
        assertThat(other).contains("78312345678901");
        assertThat(writeBacks(order.read("$.id", Long.class))).containsExactly("PENDING 78312345678901");

        MvcResult page = mvc.perform(get("/hub").with(user(approved.courier()))).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("集散点扫描", "id=\"arrival-codes\"",
                "id=\"handover-waybill\"", "中通快递").doesNotContain(code);
    }

    @Test
    void badHandoversAndArrivalsAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        String code = codes.get(0);
        String notYet = codes.get(1);
        send(approved.courier(), "/api/hub/arrivals", "{\"codes\": [\"" + code + "\"]}", 200);

        String blank = send(approved.courier(), "/api/hub/handovers",
                "{\"code\": \"" + code + "\", \"carrier\": \"ZTO\", \"waybillNumber\": \"  \"}", 400);
        assertThat(JsonPath.<String>read(blank, "$.errors[0].field")).isEqualTo("waybillNumber");
        send(approved.courier(), "/api/hub/handovers", "{\"code\": \"" + code + "\", \"waybillNumber\": \"78312345678901\"}", 400);
        send(approved.courier(), "/api/hub/handovers",
                "{\"code\": \"" + code + "\", \"carrier\": \"ZTO\", \"waybillNumber\": \"7831-2345\"}", 400);
        String unknown = send(approved.courier(), "/api/hub/handovers",
                "{\"code\": \"JYNOSUCHCODE\", \"carrier\": \"ZTO\", \"waybillNumber\": \"78312345678901\"}", 400);
        assertThat(unknown).contains("JYNOSUCHCODE");
        // not yet scanned in at the hub
        String notAtHub = send(approved.courier(), "/api/hub/handovers",
                "{\"code\": \"" + notYet + "\", \"carrier\": \"ZTO\", \"waybillNumber\": \"78312345678902\"}", 409);
        assertThat(notAtHub).contains("Picked up");
        // a parcel of the batch unknown: none of the batch is taken in
        send(approved.courier(), "/api/hub/arrivals", "{\"codes\": [\"" + notYet + "\", \"JYNOSUCHCODE\"]}", 400);

        MvcResult page = mvc.perform(post("/hub/handovers").with(user(approved.courier())).with(csrf())
                        .param("code", code).param("carrier", "ZTO").param("waybillNumber", ""))
                .andExpect(redirectedUrl("/hub")).andReturn();
        assertThat((String) page.getFlashMap().get("problem")).isEqualTo("请扫码或输入快递单号。");

        assertThat(statusOf(code)).isEqualTo("AT_HUB");
        assertThat(statusOf(notYet)).isEqualTo("PICKED_UP");
        assertThat(writeBacks(order(code).read("$.id", Long.class))).isEmpty();

        // another cooperative's admin cannot see these parcels at all
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        send(stranger, "/api/hub/arrivals", "{\"codes\": [\"" + notYet + "\"]}", 400);
        assertThat(statusOf(notYet)).isEqualTo("PICKED_UP");
        // sellers do not scan at the hub
        JiyunUser seller = fixtures.user(approved.cooperative(), Role.SELLER);
        send(seller, "/api/hub/arrivals", "{\"codes\": [\"" + notYet + "\"]}", 403);
        mvc.perform(get("/hub").with(user(seller))).andExpect(status().isForbidden());
    }

    private String send(JiyunUser who, String path, String body, int expected) throws Exception {
        return mvc.perform(post(path).with(as(who))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    private DocumentContext order(String code) throws Exception {
        long id = approved.orders().stream().filter(o -> o.parcels().stream().anyMatch(p -> p.code().equals(code)))
                .findFirst().orElseThrow().id();
        return JsonPath.parse(mvc.perform(get("/api/orders/{id}", id).with(as(approved.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String statusOf(String code) throws Exception {
        return order(code).read("$.status");
    }

    /** The order's write-backs, as "STATUS waybill". */
    private List<String> writeBacks(long orderId) throws Exception {
        DocumentContext page = JsonPath.parse(mvc.perform(get("/api/write-backs").param("size", "100")
                .with(as(approved.admin()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> statuses = page.read("$.content[?(@.orderId == " + orderId + ")].status");
        List<String> waybills = page.read("$.content[?(@.orderId == " + orderId + ")].waybillNumber");
        return java.util.stream.IntStream.range(0, statuses.size()).mapToObj(i -> statuses.get(i) + " " + waybills.get(i))
                .toList();
    }
}
