package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page login ends at the next page once its cooperative is suspended or its user disabled, and the login page
 * says why; a login of another cooperative goes on.
 */
@H2gisTest
class EndedLoginsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    AppUsers users;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aSuspendedCooperativesPageLoginEndsAtTheNextPage() throws Exception {
        Cooperative suspended = fixtures.cooperative();
        JiyunUser courier = fixtures.user(suspended, Role.COURIER);
        JiyunUser othersCourier = fixtures.user(fixtures.cooperative(), Role.COURIER);
        MockHttpSession session = logIn(courier);
        MockHttpSession othersSession = logIn(othersCourier);
        mvc.perform(get("/manifests").session(session)).andExpect(status().isOk());

        cooperatives.suspend(suspended.id(), "合同到期");

        mvc.perform(get("/manifests").session(session)).andExpect(redirectedUrl(EndedLogins.ENDED));
        assertThat(session.isInvalid()).isTrue();
        String login = mvc.perform(get(EndedLogins.ENDED)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(login).contains("id=\"login-ended\"");
        mvc.perform(get("/manifests").session(othersSession)).andExpect(status().isOk());
    }

    @Test
    void aDisabledUsersPageLoginEndsAtTheNextPage() throws Exception {
        JiyunUser seller = fixtures.user(fixtures.cooperative(), Role.SELLER);
        MockHttpSession session = logIn(seller);
        mvc.perform(get("/orders").session(session)).andExpect(status().isOk());

        tx.executeWithoutResult(s -> users.findById(seller.userId()).orElseThrow().enable(false));

        mvc.perform(get("/orders").session(session)).andExpect(redirectedUrl(EndedLogins.ENDED));
    }

    private MockHttpSession logIn(JiyunUser user) throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user(user.username()).password(Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }
}
