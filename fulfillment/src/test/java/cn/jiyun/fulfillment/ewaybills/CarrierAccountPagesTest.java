package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's e-waybill accounts page: an account added and changed through the form, a bad one refused by field. */
@H2gisTest
class CarrierAccountPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CarrierAccountService accounts;

    @Test
    void anAdminAddsAndChangesAnAccountAndItsSecretIsNeverShown() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        assertThat(page(admin, "/admin/e-waybill-accounts")).contains("id=\"no-accounts\"", "id=\"account-form\"");

        mvc.perform(form(admin, "KS640521", "13900000000").param("secret", "kuaishou-branch-secret"))
                .andExpect(redirectedUrl("/admin/e-waybill-accounts"));
        CarrierAccount saved = accounts.list(coop.id()).get(0);
        assertThat(saved.accountId()).isEqualTo("KS640521");
        assertThat(saved.hasSecret()).isTrue();
        String listed = page(admin, "/admin/e-waybill-accounts?edit=" + saved.id());
        assertThat(listed).contains("KS640521", "中通快递", "已设置").doesNotContain("kuaishou-branch-secret");

        // the same platform and carrier again: the account is changed, and an empty secret keeps the stored one
        mvc.perform(form(admin, "KS640521-2", "13900000000").param("secret", ""))
                .andExpect(redirectedUrl("/admin/e-waybill-accounts"));
        assertThat(accounts.list(coop.id())).singleElement().satisfies(a -> {
            assertThat(a.accountId()).isEqualTo("KS640521-2");
            assertThat(a.hasSecret()).isTrue();
        });

        // a bad phone is shown next to its field and nothing changes
        String refused = mvc.perform(form(admin, "KS-OTHER", "12345"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"form-errors\"", "data-error-for=\"senderMobile\"");
        assertThat(accounts.list(coop.id())).singleElement().satisfies(a ->
                assertThat(a.accountId()).isEqualTo("KS640521-2"));

        // another cooperative's account is not found from here
        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/admin/e-waybill-accounts").param("edit", String.valueOf(saved.id())).with(user(stranger)))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder form(JiyunUser admin, String accountId, String mobile) {
        return post("/admin/e-waybill-accounts").with(user(admin)).with(csrf())
                .param("platform", "KUAISHOU").param("carrier", "ZTO").param("branchCode", "640521")
                .param("senderName", "中宁枸杞合作社").param("senderProvince", "宁夏回族自治区").param("senderCity", "中卫市")
                .param("senderDistrict", "中宁县").param("senderDetail", "宁安镇物流园 1 号").param("active", "true")
                .param("accountId", accountId).param("senderMobile", mobile);
    }

    private String page(JiyunUser admin, String path) throws Exception {
        return mvc.perform(get(path).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
