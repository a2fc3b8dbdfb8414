package cn.jiyun.integrations.wechat;

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
 * Wires the WeChat Channels Shop connector when {@code jiyun.platforms.wechat.base-url} is set; needs the
 * {@link OrderIntake} and {@link ShopAccounts} that fulfillment provides.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.platforms.wechat", name = "base-url")
@EnableConfigurationProperties(WechatProperties.class)
public class WechatAutoConfiguration {

    /** The bean name to override for a shared (e.g. JDBC) repository across instances. */
    public static final String WEBHOOK_IDEMPOTENT_REPOSITORY = "wechatWebhookIdempotentRepository";

    @Bean
    WechatMessageCrypto wechatMessageCrypto(WechatProperties properties) {
        return new WechatMessageCrypto(properties.token(), properties.encodingAesKey(), properties.appId());
    }

    @Bean
    WechatApiClient wechatApiClient(WechatProperties properties, ShopAccounts shops, ObjectProvider<Clock> clock) {
        return new WechatApiClient(properties, shops, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WechatOrderMapper wechatOrderMapper(WechatApiClient client) {
        return new WechatOrderMapper(client.json());
    }

    @Bean
    WechatCarrierCodes wechatCarrierCodes(WechatProperties properties) {
        return new WechatCarrierCodes(properties.carrierCodes());
    }

    @Bean
    WechatConnector wechatConnector(WechatApiClient client, WechatOrderMapper mapper, WechatCarrierCodes codes,
                                    OrderIntake intake, ShopAccounts shops, WechatProperties properties,
                                    ObjectProvider<Clock> clock) {
        return new WechatConnector(client, mapper, codes, intake, shops, properties,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WechatPushReader wechatPushReader(WechatMessageCrypto crypto, WechatApiClient client) {
        return new WechatPushReader(crypto, client.json());
    }

    @Bean(WEBHOOK_IDEMPOTENT_REPOSITORY)
    @ConditionalOnMissingBean(name = WEBHOOK_IDEMPOTENT_REPOSITORY)
    IdempotentRepository wechatWebhookIdempotentRepository() {
        // WeChat pushes again for up to ~3.6 h; 10k ids cover that at any plausible order rate of one shop.
        return MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
    }

    @Bean
    WechatRoutes wechatRoutes(WechatConnector connector, WechatPushReader pushes, ShopAccounts shops,
                              OrderIntake intake,
                              @Qualifier(WEBHOOK_IDEMPOTENT_REPOSITORY) IdempotentRepository webhookMessageIds,
                              WechatProperties properties, ObjectProvider<Clock> clock) {
        return new WechatRoutes(connector, pushes, shops, intake, webhookMessageIds, properties,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
