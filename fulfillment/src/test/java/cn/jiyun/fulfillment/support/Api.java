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
}
