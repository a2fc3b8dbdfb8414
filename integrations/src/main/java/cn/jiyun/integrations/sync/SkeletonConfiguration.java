package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.ShopAccounts;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/** The skeleton's beans; every platform's auto-configuration imports it. */
@Configuration(proxyBeanMethods = false)
public class SkeletonConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessageIdStores messageIdStores() {
        // a platform pushes again for hours at most; 10k ids cover that at any plausible order rate
        return platform -> MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectorSkeleton connectorSkeleton(Environment environment, ShopAccounts shops, OrderIntake intake,
                                        MessageIdStores messageIds, ObjectProvider<Clock> clock) {
        return new ConnectorSkeleton(environment, shops, intake, messageIds, clock.getIfUnique(Clock::systemUTC));
    }
}
