package cn.jiyun.integrations.sandbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Offers a {@link PlatformSandbox} bean when {@code jiyun.sandbox.enabled=true}. When the
 * application has a {@link SandboxCatalogue} bean (fulfillment builds it from its demo store) the
 * sandbox starts with it right away, before Camel starts the connectors' pollers; otherwise it
 * waits for {@link PlatformSandbox#start}. The context stops it on shutdown.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxAutoConfiguration {

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    PlatformSandbox platformSandbox(SandboxProperties properties, ObjectProvider<Clock> clock,
                                    ObjectProvider<SandboxCatalogue> catalogue) {
        PlatformSandbox sandbox = new PlatformSandbox(properties, clock.getIfUnique(Clock::systemUTC));
        catalogue.ifAvailable(sandbox::start);
        return sandbox;
    }
}
