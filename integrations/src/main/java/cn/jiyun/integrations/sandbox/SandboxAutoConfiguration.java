package cn.jiyun.integrations.sandbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Offers a {@link PlatformSandbox} bean when {@code jiyun.sandbox.enabled=true}. It is not started:
 * fulfillment builds the {@link SandboxCatalogue} from its demo store and calls
 * {@link PlatformSandbox#start}; the context stops it on shutdown.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxAutoConfiguration {

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    PlatformSandbox platformSandbox(SandboxProperties properties, ObjectProvider<Clock> clock) {
        return new PlatformSandbox(properties, clock.getIfUnique(Clock::systemUTC));
    }
}
