package cn.jiyun.integrations.spreadsheet;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.testing.InMemoryIntake;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SpreadsheetAutoConfiguration.class));

    @Test
    void providesTheReaderTemplateAndIntakeWithTheDocumentedLimits() {
        context.withBean(OrderIntake.class, InMemoryIntake::new).run(app -> {
            assertThat(app).hasSingleBean(OrderSheetReader.class);
            assertThat(app).hasSingleBean(OrderSheetTemplate.class);
            assertThat(app).hasSingleBean(SpreadsheetIntake.class);
            SpreadsheetProperties properties = app.getBean(SpreadsheetProperties.class);
            assertThat(properties.maxBytes()).isEqualTo(DataSize.ofMegabytes(5));
            assertThat(properties.maxRows()).isEqualTo(5000);
        });
    }

    @Test
    void takesTheLimitsFromProperties() {
        context.withPropertyValues("jiyun.platforms.spreadsheet.max-bytes=1MB",
                        "jiyun.platforms.spreadsheet.max-rows=200")
                .run(app -> {
                    SpreadsheetProperties properties = app.getBean(SpreadsheetProperties.class);
                    assertThat(properties.maxBytes()).isEqualTo(DataSize.ofMegabytes(1));
                    assertThat(properties.maxRows()).isEqualTo(200);
                });
    }

    @Test
    void offersNoIntakeWithoutAnOrderIntake() {
        context.run(app -> {
            assertThat(app).hasSingleBean(OrderSheetReader.class);
            assertThat(app).doesNotHaveBean(SpreadsheetIntake.class);
        });
    }
}
