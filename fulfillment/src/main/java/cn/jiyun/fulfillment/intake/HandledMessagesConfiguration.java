package cn.jiyun.fulfillment.intake;

import cn.jiyun.integrations.sync.MessageIdStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** Replaces the connectors' in-memory webhook de-duplication with the store's. */
@Configuration
class HandledMessagesConfiguration {

    /** One name per platform in the store's one table, as the connectors' routes ask for them. */
    @Bean
    MessageIdStores handledMessages(JdbcClient jdbc, Clock clock) {
        return platform -> new HandledMessages(platform.key(), jdbc, clock);
    }
}
