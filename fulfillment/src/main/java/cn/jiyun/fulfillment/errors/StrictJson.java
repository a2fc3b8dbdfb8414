package cn.jiyun.fulfillment.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;

/**
 * The API reads a request body as it is documented and nothing looser, so that a value a client did not mean is a
 * 400 naming its field instead of a stored surprise. Jackson's defaults let these through: {@code "opensAt": "24:00"}
 * as midnight and {@code [7, 0]} as 07:00, {@code "firstDay": 20261203} as an epoch day in the year 57443 and
 * {@code ""} as no day at all, {@code "platform": 0} as the first platform in the enum and {@code "status": 3} as
 * the fourth, {@code "shipsChilled": 2} as true. (The service's own mapper reads only the API and what the service
 * wrote itself; the platforms' connectors keep their own mappers, as lenient as the platforms need.)
 */
@Configuration
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer readRequestsStrictly() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .modulesToInstall(modules -> modules.add(new SimpleModule("jiyun-strict-time")
                        .setDeserializerModifier(new TimesAreText())))
                .postConfigurer(mapper -> {
                    // not lenient: java.time parses with ResolverStyle.STRICT (no 24:00, no 30 February), and an
                    // empty string or a number is not a time
                    mapper.setDefaultLeniency(false);
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                });
    }

    /** A date or a time is a JSON string (or null), never jsr310's array form {@code [7, 0]} nor a number. */
    static final class TimesAreText extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            return Temporal.class.isAssignableFrom(description.getBeanClass())
                    ? new TextOnly(deserializer) : deserializer;
        }
    }

    /**
     * A date or a time of the API lies in the years ISO 8601 writes with four digits: {@code +1000000000-01-01T00:00Z}
     * parses as an {@code Instant}, but PostgreSQL cannot store it (the embedded store can) and no client shows it.
     */
    static final class TextOnly extends DelegatingDeserializer {

        private static final int FIRST_YEAR = 1;
        private static final int LAST_YEAR = 9999;
        private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            Object value = super.deserialize(p, context);
            boolean outside = value instanceof Instant instant ? instant.isBefore(FIRST) || instant.isAfter(LAST)
                    : value instanceof TemporalAccessor t && t.isSupported(ChronoField.YEAR)
                    && (t.get(ChronoField.YEAR) < FIRST_YEAR || t.get(ChronoField.YEAR) > LAST_YEAR);
            if (outside) {
                return context.handleWeirdStringValue(handledType(), text, "the year must be %d to %d",
                        FIRST_YEAR, LAST_YEAR);
            }
            return value;
        }
    }
}
