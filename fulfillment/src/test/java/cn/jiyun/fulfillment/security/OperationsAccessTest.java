package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Who can reach the operational endpoints: probes without login, metrics only for admins. */
@H2gisTest
@AutoConfigureObservability
class OperationsAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void answersHealthProbesWithoutLogin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void keepsMetricsBehindAnAdminLogin() throws Exception {
        Cooperative coop = fixtures.cooperative();
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(as(fixtures.user(coop, Role.COURIER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(as(fixtures.user(coop, Role.COOP_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void refusesWrongPasswords() throws Exception {
        JiyunUser admin = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/api/hubs").with(httpBasic(admin.getUsername(), "guess"))).andExpect(status().isUnauthorized());
    }

    @Test
    void documentsTheApiWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/producers'].get").exists())
                .andExpect(jsonPath("$.paths['/api/orders/{id}'].get").exists());
    }
}
