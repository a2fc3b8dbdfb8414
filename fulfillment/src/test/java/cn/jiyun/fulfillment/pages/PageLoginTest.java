package cn.jiyun.fulfillment.pages;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class PageLoginTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    Cooperative coop;
    JiyunUser courier;

    @BeforeEach
    void aCourier() {
        coop = fixtures.cooperative();
        courier = fixtures.user(coop, Role.COURIER);
    }

    @Test
    void showsAChineseLoginPageWithACsrfToken() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("登录", "用户名", "密码", "name=\"_csrf\"", "lang=\"zh-CN\"");
        assertThat(mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("Log in", "Username", "Password");
    }

    @Test
    void logsInWithTheFormKeepsTheSessionAndLogsOut() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login")
                        .user(courier.getUsername()).password(Fixtures.PASSWORD))
                .andExpect(authenticated().withUsername(courier.getUsername()))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession(false);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/manifests"));
        mvc.perform(get("/manifests").session(session)).andExpect(status().isOk());

        mvc.perform(logout("/logout")).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void refusesALoginOrLogoutWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", courier.getUsername()).param("password", Fixtures.PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
        mvc.perform(post("/logout").with(user(courier))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user(courier)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        mvc.perform(formLogin("/login").user(courier.getUsername()).password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void sendsEachRoleHome() throws Exception {
        mvc.perform(get("/").with(user(courier))).andExpect(redirectedUrl("/manifests"));
        mvc.perform(get("/").with(user(fixtures.user(coop, Role.COOP_ADMIN)))).andExpect(redirectedUrl("/board"));
        mvc.perform(get("/").with(user(fixtures.user(coop, Role.SELLER)))).andExpect(redirectedUrl("/orders"));
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
    }

    @Test
    void leavesTheApiOnHttpBasicWithoutSessionsOrCsrf() throws Exception {
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        mvc.perform(get("/api/hubs").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getRequest().getSession(false)).isNull());
        mvc.perform(get("/api/hubs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/css/jiyun.css")).andExpect(status().isOk());
    }
}
