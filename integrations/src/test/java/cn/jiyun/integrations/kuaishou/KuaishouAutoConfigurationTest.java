package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.PlatformSync;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.ConnectorSkeleton;
import cn.jiyun.integrations.sync.MessageIdStores;
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
            assertThat(app.getBean(PlatformSync.class).platform()).isEqualTo(Platform.KUAISHOU);
            ConnectorSettings settings = app.getBean(ConnectorSkeleton.class)
                    .settings(Platform.KUAISHOU, KuaishouAutoConfiguration.DEFAULTS);
            assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.backfill()).isEqualTo(Duration.ofDays(3));
            assertThat(settings.windowLength()).isEqualTo(Duration.ofDays(1));
            assertThat(settings.pageSize()).isEqualTo(50);
            assertThat(settings.retry().maxAttempts()).isEqualTo(4);
            assertThat(app.getBean(KuaishouProperties.class).signMethod()).isEqualTo(KuaishouSigner.SignMethod.HMAC_SHA256);
            assertThat(app.getBean(MessageIdStores.class).forPlatform(Platform.KUAISHOU))
                    .isInstanceOf(MemoryIdempotentRepository.class);
        });
    }

    @Test
    void letsTheApplicationReplaceTheWebhookMessageIdStore() {
        IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(5);
        context.withPropertyValues(CONFIGURED)
                .withBean(MessageIdStores.class, () -> platform -> shared)
                .run(app -> assertThat(app.getBean(MessageIdStores.class).forPlatform(Platform.KUAISHOU))
                        .isSameAs(shared));
    }
}
