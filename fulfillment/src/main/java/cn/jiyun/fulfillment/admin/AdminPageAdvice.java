package cn.jiyun.fulfillment.admin;

import cn.jiyun.fulfillment.errors.NotFoundException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * For the admin pages only: another cooperative's record is a not-found page (as the API's 404), and
 * form errors get codes under {@code admin.} so that the admin bundle words them.
 */
@ControllerAdvice(annotations = AdminPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminPageAdvice {

    @InitBinder
    void adminErrorCodes(WebDataBinder binder) {
        DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();
        codes.setPrefix(FormErrors.CODE_PREFIX);
        binder.setMessageCodesResolver(codes);
        // blank inputs are "not given", so the request's @NotBlank/@NotNull speak for them
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "admin/not-found";
    }
}
