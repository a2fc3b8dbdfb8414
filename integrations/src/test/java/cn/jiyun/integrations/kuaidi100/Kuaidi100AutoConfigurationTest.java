package cn.jiyun.integrations.kuaidi100;

import cn.jiyun.integrations.tracking.TrackingAggregator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracking is off until its URL is set, and then refuses to start without key, salt or callback, naming the one. */
class Kuaidi100AutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Kuaidi100AutoConfiguration.class));

    @Test
    void isOffWithoutItsUrl() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(TrackingAggregator.class));
    }

    @Test
    void startsWithEverySetting() {
        context.withPropertyValues("jiyun.tracking.kuaidi100.base-url=https://poll.kuaidi100.com",
                        "jiyun.tracking.kuaidi100.key=k", "jiyun.tracking.kuaidi100.salt=s",
                        "jiyun.tracking.kuaidi100.callback-url=https://jiyun.example.cn/webhooks/kuaidi100")
                .run(started -> assertThat(started).hasSingleBean(TrackingAggregator.class));
    }

    @Test
    void refusesToStartWithoutTheSaltAndSaysWhichSetting() {
        context.withPropertyValues("jiyun.tracking.kuaidi100.base-url=https://poll.kuaidi100.com",
                        "jiyun.tracking.kuaidi100.key=k",
                        "jiyun.tracking.kuaidi100.callback-url=https://jiyun.example.cn/webhooks/kuaidi100")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("jiyun.tracking.kuaidi100.salt is required"));
    }

    @Test
    void refusesToStartWithoutTheKeyOrTheCallback() {
        context.withPropertyValues("jiyun.tracking.kuaidi100.base-url=https://poll.kuaidi100.com",
                        "jiyun.tracking.kuaidi100.salt=s",
                        "jiyun.tracking.kuaidi100.callback-url=https://jiyun.example.cn/webhooks/kuaidi100")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("jiyun.tracking.kuaidi100.key is required"));
        context.withPropertyValues("jiyun.tracking.kuaidi100.base-url=https://poll.kuaidi100.com",
                        "jiyun.tracking.kuaidi100.key=k", "jiyun.tracking.kuaidi100.salt=s")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("jiyun.tracking.kuaidi100.callback-url is required"));
    }
}
