package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering a shop that is registered already: the cooperative that holds it is told where, another
 * cooperative learns nothing about the holder (issue 14, finding 5).
 */
@H2gisTest
class ShopRegistrationConflictTest {

    private static final String REGISTRATION = """
            {"platform": "DOUYIN", "shopId": "%s", "name": "我的枸杞店",
             "accessToken": "access-x", "refreshToken": "refresh-x"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    private MockHttpServletResponse register(JiyunUser admin, String platformShopId) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/shops").with(as(admin))
                .contentType(MediaType.APPLICATION_JSON).content(REGISTRATION.formatted(platformShopId)))
                .andReturn().getResponse();
    }

    private long shopsOf(Cooperative coop) {
        return jdbc.sql("SELECT COUNT(*) FROM shop WHERE cooperative_id = :c").param("c", coop.id())
                .query(Long.class).single();
    }

    @Test
    void theCooperativeThatHoldsTheShopIsToldWhichOfItsShopsItIs() throws Exception {
        Cooperative coop = fixtures.cooperative();
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);

        MockHttpServletResponse again = register(fixtures.user(coop, Role.COOP_ADMIN), shop.platformShopId());

        assertThat(again.getStatus()).isEqualTo(409);
        String detail = JsonPath.read(again.getContentAsString(StandardCharsets.UTF_8), "$.detail");
        assertThat(detail).contains(shop.platformShopId(), "'" + shop.name() + "'", "shop " + shop.id(),
                "authorisation");
        assertThat(shopsOf(coop)).isOne();
    }

    @Test
    void anotherCooperativeLearnsNothingAboutTheHolder() throws Exception {
        Cooperative holder = fixtures.cooperative();
        JiyunUser seller = fixtures.user(holder, Role.SELLER);
        Shop held = fixtures.shop(holder, Platform.DOUYIN, seller.userId());
        Cooperative otherHolder = fixtures.cooperative();
        Shop heldElsewhere = fixtures.shop(otherHolder, Platform.DOUYIN, null);
        Cooperative asking = fixtures.cooperative();
        JiyunUser admin = fixtures.user(asking, Role.COOP_ADMIN);

        MockHttpServletResponse refused = register(admin, held.platformShopId());
        MockHttpServletResponse alsoRefused = register(admin, heldElsewhere.platformShopId());

        assertThat(refused.getStatus()).isEqualTo(409);
        String body = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(holder.name(), held.name(), seller.getUsername(), "already registered",
                "shop " + held.id() + ")", "\"shopRef\"");
        // the same answer whoever holds the shop: nothing in it depends on the holder
        String detail = JsonPath.read(body, "$.detail");
        String otherDetail = JsonPath.read(alsoRefused.getContentAsString(StandardCharsets.UTF_8), "$.detail");
        assertThat(detail.replace(held.platformShopId(), "?"))
                .isEqualTo(otherDetail.replace(heldElsewhere.platformShopId(), "?"));
        assertThat(shopsOf(asking)).isZero();
        assertThat(shopsOf(holder)).isOne();
    }
}
