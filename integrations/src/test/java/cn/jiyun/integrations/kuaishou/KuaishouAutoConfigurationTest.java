package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KuaishouAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KuaishouAutoConfiguration.class))
            .withBean(OrderIntake.class, InMemoryIntake::new)
            .withBean(ShopAccounts.class, InMemoryShopAccounts::new);

    private static final String[] CONFIGURED = {
            "jiyun.platforms.kuaishou.base-url=https://openapi.kwaixiaodian.com",
            "jiyun.platforms.kuaishou.app-key=" + KuaishouFixtures.APP_KEY,
            "jiyun.platforms.kuaishou.app-secret=" + KuaishouFixtures.APP_SECRET,
            "jiyun.platforms.kuaishou.sign-secret=" + KuaishouFixtures.SIGN_SECRET,
            "jiyun.platforms.kuaishou.message-key=" + KuaishouFixtures.MESSAGE_KEY};

    @Test
    void staysOffWithoutABaseUrl() {
        context.run(app -> assertThat(app).doesNotHaveBean(KuaishouConnector.class));
    }

    @Test
    void providesTheConnectorWithTheDocumentedDefaults() {
        context.withPropertyValues(CONFIGURED).run(app -> {
            assertThat(app.getBean(PlatformConnector.class).platform()).isEqualTo(Platform.KUAISHOU);
            assertThat(app).hasSingleBean(KuaishouRoutes.class);
            KuaishouProperties properties = app.getBean(KuaishouProperties.class);
            assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.backfill()).isEqualTo(Duration.ofDays(3));
            assertThat(properties.signMethod()).isEqualTo(KuaishouSigner.SignMethod.HMAC_SHA256);
            assertThat(properties.retry().maxAttempts()).isEqualTo(4);
            assertThat(app.getBean("kuaishouWebhookMessageIds")).isInstanceOf(MemoryIdempotentRepository.class);
        });
    }

    @Test
    void letsTheApplicationReplaceTheWebhookMessageIdStore() {
        IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(5);
        context.withPropertyValues(CONFIGURED)
                .withBean("kuaishouWebhookMessageIds", IdempotentRepository.class, () -> shared)
                .run(app -> assertThat(app.getBean("kuaishouWebhookMessageIds")).isSameAs(shared));
    }
}
