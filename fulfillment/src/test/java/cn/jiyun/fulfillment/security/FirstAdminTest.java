package cn.jiyun.fulfillment.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Outside the demo there is no default user: the first admin comes from configuration, once. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/bootstrap-${random.uuid}",
        "jiyun.demo.enabled=false",
        "jiyun.bootstrap.cooperative-name=盐池县滩羊合作社",
        "jiyun.bootstrap.admin-username=first-admin",
        "jiyun.bootstrap.admin-password=a-long-secret-from-the-environment"})
class FirstAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    @Test
    void createsTheConfiguredAdminOnAnEmptyStoreAndNoOneElse() throws Exception {
        assertThat(users.findAll()).extracting(AppUser::username).containsExactly("first-admin");
        mvc.perform(get("/api/hubs").with(httpBasic("first-admin", "a-long-secret-from-the-environment")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/hubs").with(httpBasic("coop-admin", "demo"))).andExpect(status().isUnauthorized());
    }
}
