package cn.jiyun.fulfillment.intake;

import org.apache.camel.spi.IdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** Replaces the connectors' in-memory webhook de-duplication with the store's, under the bean names they look for. */
@Configuration
class HandledMessagesConfiguration {

    @Bean("douyinMessageIds")
    IdempotentRepository douyinMessageIds(JdbcClient jdbc, Clock clock) {
        return new HandledMessages("douyin", jdbc, clock);
    }

    @Bean("kuaishouWebhookMessageIds")
    IdempotentRepository kuaishouWebhookMessageIds(JdbcClient jdbc, Clock clock) {
        return new HandledMessages("kuaishou", jdbc, clock);
    }

    @Bean("wechatWebhookIdempotentRepository")
    IdempotentRepository wechatWebhookIdempotentRepository(JdbcClient jdbc, Clock clock) {
        return new HandledMessages("wechat", jdbc, clock);
    }
}
