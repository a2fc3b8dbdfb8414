package cn.jiyun.fulfillment.board;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.geo.Gcj02;
import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With Amap-style tiles (GCJ-02), every point the board sends is shifted onto them; the store keeps WGS-84. */
@H2gisTest
@TestPropertySource(properties = {
        "jiyun.map.tile-url=http://tiles.example/{z}/{x}/{y}.png",
        "jiyun.map.tile-datum=GCJ02"})
class MapDatumTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void wgs84LeavesPointsAloneAndGcj02ShiftsThemByTheFormula() {
        Position zhongning = new Position(105.68, 37.49);
        assertThat(MapDatum.WGS84.of(zhongning)).isEqualTo(new MapPoint(37.49, 105.68));
        MapPoint shifted = MapDatum.GCJ02.of(zhongning);
        Gcj02 expected = Gcj02.fromWgs84(105.68, 37.49);
        assertThat(shifted).isEqualTo(new MapPoint(expected.latitude(), expected.longitude()));
        // in Ningxia the shift is a few hundred metres, mostly east-west
        assertThat(shifted.lng() - 105.68).isBetween(0.001, 0.01);
        assertThat(shifted.lat()).isNotEqualTo(37.49);
    }

    @Test
    void theBoardSendsHubsAndProducersOnTheTilesDatum() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        fixtures.hub(coop, "中宁集散中心", 105.68, 37.49);
        fixtures.producer(coop, "马家枸杞园", 105.60, 37.45);

        DocumentContext hubs = JsonPath.parse(mvc.perform(get("/board/hubs").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Gcj02 hub = Gcj02.fromWgs84(105.68, 37.49);
        assertThat(hubs.<Double>read("$[0].point.lng")).isCloseTo(hub.longitude(), within(1e-9));
        assertThat(hubs.<Double>read("$[0].point.lat")).isCloseTo(hub.latitude(), within(1e-9));

        DocumentContext producers = JsonPath.parse(mvc.perform(get("/board/producers").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Gcj02 producer = Gcj02.fromWgs84(105.60, 37.45);
        assertThat(producers.<Double>read("$[0].point.lng")).isCloseTo(producer.longitude(), within(1e-9));

        String page = mvc.perform(get("/board").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-tile-url=\"http://tiles.example/{z}/{x}/{y}.png\"",
                "data-tile-datum=\"GCJ02\"");
    }
}
