package cn.jiyun.fulfillment.admin;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import java.util.Map;

/**
 * Puts the API's own checks next to a page form's fields: the constraints of the request record the
 * form becomes, and the services' {@link InvalidFieldException}s. Codes are the constraint's name
 * (or {@code invalid} for a service's refusal) under {@code admin.}, with the English reason as the
 * default, so the admin bundle can word each in Chinese.
 */
@Component
public class FormErrors {

    static final String CODE_PREFIX = "admin.";
    static final String INVALID = "invalid";

    private final Validator validator;

    FormErrors(Validator validator) {
        this.validator = validator;
    }

    /** Checks the request as the API would; false (with the errors on the form) when it is refused. */
    public boolean validate(Object request, BindingResult form) {
        return validate(request, form, Map.of());
    }

    /**
     * As {@link #validate(Object, BindingResult)}, for forms whose fields are named differently from
     * the request's (e.g. yuan on the form, fen in the request): {@code formFields} maps a request
     * property to the form field that shows its errors.
     */
    public boolean validate(Object request, BindingResult form, Map<String, String> formFields) {
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            String property = violation.getPropertyPath().toString();
            String field = formFields.getOrDefault(property, property);
            // a value that did not even convert already says so
            if (!form.hasFieldErrors(field)) {
                String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                form.rejectValue(field, constraint, null, violation.getMessage());
            }
        }
        return !form.hasErrors();
    }

    /** Shows a service's refusal of one field next to it (or next to {@code formField} when named differently). */
    public void reject(InvalidFieldException refusal, BindingResult form, Map<String, String> formFields) {
        String field = formFields.getOrDefault(refusal.field(), refusal.field());
        form.rejectValue(field, INVALID, new Object[] {refusal.getMessage()}, refusal.getMessage());
    }

    public void reject(InvalidFieldException refusal, BindingResult form) {
        reject(refusal, form, Map.of());
    }
}
