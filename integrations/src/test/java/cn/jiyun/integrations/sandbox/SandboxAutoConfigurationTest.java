package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox bean exists only when asked for, bound from {@code jiyun.sandbox.*}, and waits for its catalogue. */
class SandboxAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SandboxAutoConfiguration.class));

    @Test
    void offersNoSandboxUnlessEnabled() {
        context.run(app -> assertThat(app).doesNotHaveBean(PlatformSandbox.class));
        context.withPropertyValues("jiyun.sandbox.enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(PlatformSandbox.class));
    }

    @Test
    void offersAnUnstartedSandboxWithTheDemoDefaults() {
        context.withPropertyValues("jiyun.sandbox.enabled=true").run(app -> {
            assertThat(app.getBean(PlatformSandbox.class).isRunning()).isFalse();
            SandboxProperties properties = app.getBean(SandboxProperties.class);
            assertThat(properties.port()).isEqualTo(18089);
            assertThat(properties.orderInterval()).isEqualTo(Duration.ofSeconds(20));
            assertThat(properties.webhookCallback()).isNull();
        });
    }

    @Test
    void startsWithTheCatalogueTheApplicationProvidesAndStopsWithTheContext() {
        PlatformSandbox[] started = new PlatformSandbox[1];
        context.withPropertyValues("jiyun.sandbox.enabled=true", "jiyun.sandbox.port=0", "jiyun.sandbox.order-interval=0s")
                .withBean(SandboxCatalogue.class, () -> SandboxTestbed.CATALOGUE)
                .run(app -> {
                    started[0] = app.getBean(PlatformSandbox.class);
                    assertThat(started[0].isRunning()).isTrue();
                    assertThat(started[0].orders(Platform.WECHAT, SandboxTestbed.WECHAT_SHOP)).hasSize(30);
                });
        assertThat(started[0].isRunning()).isFalse();
    }

    @Test
    void bindsItsSettings() {
        context.withPropertyValues("jiyun.sandbox.enabled=true", "jiyun.sandbox.port=0",
                "jiyun.sandbox.order-interval=5s", "jiyun.sandbox.seed=99", "jiyun.sandbox.backlog-per-shop=12",
                "jiyun.sandbox.webhook-callback=http://localhost:8080").run(app -> {
            SandboxProperties properties = app.getBean(SandboxProperties.class);
            assertThat(properties.orderInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.seed()).isEqualTo(99);
            assertThat(properties.backlogPerShop()).isEqualTo(12);
            assertThat(properties.webhookCallback()).hasToString("http://localhost:8080");
        });
    }
}
