package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.ShopAccounts;
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
 * Wires the Douyin connector and its routes when {@code jiyun.platforms.douyin.base-url} is set.
 * Fulfillment provides {@link OrderIntake} and {@link ShopAccounts}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.platforms.douyin", name = "base-url")
@EnableConfigurationProperties(DouyinProperties.class)
public class DouyinAutoConfiguration {

    /** Douyin push message ids already handled; replace with a shared store when running several instances. */
    public static final String MESSAGE_IDS = "douyinMessageIds";

    /** The application's clock when it has exactly one, else UTC system time. */
    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }

    @Bean
    @ConditionalOnMissingBean
    DouyinSigner douyinSigner(DouyinProperties properties) {
        return new DouyinSigner(properties.appKey(), properties.appSecret(), properties.signMethod());
    }

    @Bean
    @ConditionalOnMissingBean
    DouyinClient douyinClient(DouyinProperties properties, DouyinSigner signer, ShopAccounts shopAccounts,
                              ObjectProvider<Clock> clock) {
        return new DouyinClient(properties, signer, shopAccounts, clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    DouyinCarrierCodes douyinCarrierCodes(DouyinProperties properties) {
        return new DouyinCarrierCodes(properties.carrierCodes());
    }

    @Bean
    @ConditionalOnMissingBean
    DouyinConnector douyinConnector(DouyinProperties properties, DouyinClient client, DouyinCarrierCodes carrierCodes,
                                    OrderIntake intake, ShopAccounts shopAccounts, ObjectProvider<Clock> clock) {
        return new DouyinConnector(properties, client, new DouyinOrderMapper(), carrierCodes, intake, shopAccounts,
                clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    DouyinWebhook douyinWebhook(DouyinSigner signer) {
        return new DouyinWebhook(signer);
    }

    @Bean(MESSAGE_IDS)
    @ConditionalOnMissingBean(name = MESSAGE_IDS)
    IdempotentRepository douyinMessageIds() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
    }

    @Bean
    @ConditionalOnMissingBean
    DouyinRoutes douyinRoutes(DouyinProperties properties, DouyinConnector connector, DouyinWebhook webhook,
                              ShopAccounts shopAccounts, OrderIntake intake,
                              @Qualifier(MESSAGE_IDS)
                              IdempotentRepository messageIds, ObjectProvider<Clock> clock) {
        return new DouyinRoutes(properties, connector, webhook, shopAccounts, intake, messageIds, clock(clock));
    }
}
