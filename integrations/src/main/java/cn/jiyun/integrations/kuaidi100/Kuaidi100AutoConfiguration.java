package cn.jiyun.integrations.kuaidi100;

import cn.jiyun.integrations.tracking.TrackingAggregator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Offers Kuaidi100 as the {@link TrackingAggregator} once {@code jiyun.tracking.kuaidi100.base-url} is set. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.tracking.kuaidi100", name = "base-url")
@EnableConfigurationProperties(Kuaidi100Properties.class)
public class Kuaidi100AutoConfiguration {

    @Bean
    TrackingAggregator kuaidi100(Kuaidi100Properties properties) {
        return new Kuaidi100Client(properties);
    }
}
