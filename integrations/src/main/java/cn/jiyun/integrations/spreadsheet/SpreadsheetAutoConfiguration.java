package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.OrderIntake;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Provides the spreadsheet reader, template and intake. Spreadsheet uploads need no platform
 * credentials, so unlike the platform connectors this is always on; fulfillment provides
 * {@link OrderIntake} and the upload endpoint.
 */
@AutoConfiguration
@EnableConfigurationProperties(SpreadsheetProperties.class)
public class SpreadsheetAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OrderSheetReader orderSheetReader(SpreadsheetProperties properties, ObjectProvider<Clock> clock) {
        return new OrderSheetReader(properties, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    OrderSheetTemplate orderSheetTemplate() {
        return new OrderSheetTemplate();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(OrderIntake.class)
    SpreadsheetIntake spreadsheetIntake(OrderSheetReader reader, OrderIntake intake) {
        return new SpreadsheetIntake(reader, intake);
    }
}
