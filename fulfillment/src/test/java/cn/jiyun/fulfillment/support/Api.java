package cn.jiyun.fulfillment.support;

import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** How API tests log in: HTTP Basic, as real clients do, so the whole security chain runs. */
public final class Api {

    private Api() {
    }

    public static RequestPostProcessor as(JiyunUser user) {
        return httpBasic(user.getUsername(), Fixtures.PASSWORD);
    }

    /** The plan as {@code GET /api/plans/{id}} shows it once solving ended (or after a minute, as it then is). */
    public static com.jayway.jsonpath.DocumentContext awaitPlanDone(org.springframework.test.web.servlet.MockMvc mvc,
                                                                    JiyunUser user, long planId) throws Exception {
        java.time.Instant giveUp = java.time.Instant.now().plus(java.time.Duration.ofSeconds(60));
        while (true) {
            com.jayway.jsonpath.DocumentContext plan = com.jayway.jsonpath.JsonPath.parse(mvc.perform(
                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                    .get("/api/plans/{id}", planId).with(as(user)))
                    .andReturn().getResponse().getContentAsString());
            if (!"SOLVING".equals(plan.read("$.status")) || java.time.Instant.now().isAfter(giveUp)) {
                return plan;
            }
            Thread.sleep(200);
        }
    }
}
