package cn.jiyun.fulfillment.errors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @NotBlank} everywhere in the service means "has a character a person can see": the standard check
 * trims only ASCII spaces and control characters, so a producer named {@code "\u200b\u3000 "} (a zero-width
 * space and an ideographic space, both common in text pasted from Chinese apps) passed it. Here every
 * Unicode space, control, format (zero-width, direction marks, BOM) and unassigned character counts as blank.
 */
@Configuration
class VisibleText {

    @Bean
    ValidationConfigurationCustomizer notBlankMeansVisible() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                        .validatedBy(Validator.class);
                hibernate.addMapping(mapping);
            }
        };
    }

    /** Whether the text has one character a person can see. */
    static boolean hasVisible(CharSequence text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && switch (Character.getType(c)) {
                    case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE -> false;
                    default -> true;
                });
    }

    /** Replaces Hibernate Validator's {@code NotBlankValidator} for {@code CharSequence}. */
    public static class Validator implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && hasVisible(value);
        }
    }
}
