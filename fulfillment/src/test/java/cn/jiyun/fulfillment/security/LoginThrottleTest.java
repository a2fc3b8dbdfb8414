package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 13's login throttling: repeated failures slow and then lock a username; the admin sees it and lifts it. */
@H2gisTest
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void repeatedFailuresLockTheUsernameEvenForTheRightPasswordUntilAnAdminResetsIt() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        RequestPostProcessor from = fromAddress("192.0.2." + (1 + (int) (Math.random() * 250)));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            mvc.perform(get("/api/hubs").with(httpBasic(courier.username(), "wrong-" + i)).with(from))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/hubs").with(httpBasic(courier.username(), Fixtures.PASSWORD)).with(from))
                .andExpect(status().isOk());
        // the right password cleared the count: three more wrong ones are free again, the fourth locks
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            mvc.perform(get("/api/hubs").with(httpBasic(courier.username(), "wrong-" + i)).with(from))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/hubs").with(httpBasic(courier.username(), Fixtures.PASSWORD)).with(from))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/users/{id}", courier.userId()).with(user(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lockedUntil").exists());

        mvc.perform(post("/api/users/{id}/password-reset", courier.userId()).with(user(admin)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/users/{id}", courier.userId()).with(user(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lockedUntil").doesNotExist());
    }

    @Test
    void eachFailureAfterTheFreeOnesLocksTwiceAsLongUpToFifteenMinutesAndAnHourWithoutOneForgetsThem() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T08:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        LoginThrottle throttle = new LoginThrottle(jdbc, clock);
        String key = LoginThrottle.userKey("guessed-" + Fixtures.unique());
        for (int i = 0; i < 3; i++) {
            throttle.failed(key, 3);
        }
        assertThat(throttle.lockedUntil(key)).isEmpty();
        throttle.failed(key, 3);
        assertThat(throttle.lockedUntil(key)).contains(now.get().plusSeconds(2));
        throttle.failed(key, 3);
        assertThat(throttle.lockedUntil(key)).contains(now.get().plusSeconds(4));
        for (int i = 0; i < 20; i++) {
            throttle.failed(key, 3);
        }
        assertThat(throttle.lockedUntil(key)).contains(now.get().plus(Duration.ofMinutes(15)));
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThat(throttle.lockedUntil(key)).as("a lock ends by itself").isEmpty();
        now.set(now.get().plus(Duration.ofHours(1)));
        throttle.failed(key, 3);
        assertThat(throttle.lockedUntil(key)).as("an hour without a failure forgets the count").isEmpty();
        throttle.cleared(key);
    }

    private static RequestPostProcessor fromAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
