package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.ShopAccounts;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Wires the Kuaishou connector when {@code jiyun.platforms.kuaishou.base-url} is set; needs the
 * {@link OrderIntake} and {@link ShopAccounts} beans that fulfillment provides.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.platforms.kuaishou", name = "base-url")
@EnableConfigurationProperties(KuaishouProperties.class)
public class KuaishouAutoConfiguration {

    /** Kept per connector so Kuaishou's wire quirks never depend on the application's mapper settings. */
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Bean
    KuaishouSigner kuaishouSigner(KuaishouProperties properties) {
        return new KuaishouSigner(properties.signSecret());
    }

    @Bean
    KuaishouClient kuaishouClient(KuaishouProperties properties, KuaishouSigner kuaishouSigner,
                                  ShopAccounts shopAccounts, ObjectProvider<Clock> clock) {
        return new KuaishouClient(properties, kuaishouSigner, shopAccounts, KuaishouClient.httpClient(properties),
                json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    KuaishouConnector kuaishouConnector(KuaishouProperties properties, KuaishouClient kuaishouClient,
                                        OrderIntake intake, ShopAccounts shopAccounts, ObjectProvider<Clock> clock) {
        return new KuaishouConnector(properties, kuaishouClient, new KuaishouOrderMapper(json), intake, shopAccounts,
                json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    KuaishouMessageCipher kuaishouMessageCipher(KuaishouProperties properties) {
        return new KuaishouMessageCipher(properties.messageKey());
    }

    /** Webhook message ids already handled; in memory by default, replace it with a shared one when clustered. */
    @Bean
    @ConditionalOnMissingBean(name = "kuaishouWebhookMessageIds")
    IdempotentRepository kuaishouWebhookMessageIds() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
    }

    @Bean
    KuaishouRoutes kuaishouRoutes(KuaishouProperties properties, KuaishouConnector kuaishouConnector,
                                  KuaishouMessageCipher kuaishouMessageCipher, ShopAccounts shopAccounts,
                                  OrderIntake intake,
                                  @Qualifier("kuaishouWebhookMessageIds") IdempotentRepository kuaishouWebhookMessageIds,
                                  ObjectProvider<Clock> clock) {
        return new KuaishouRoutes(properties, kuaishouConnector, kuaishouMessageCipher, shopAccounts, intake,
                kuaishouWebhookMessageIds, json, clock.getIfAvailable(Clock::systemUTC));
    }
}
