package cn.jiyun.fulfillment.errors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties a list may be sorted by ({@code ?sort=name,desc}), on the list's {@code Pageable} parameter. A
 * list without it cannot be sorted; any other property is a 400 naming {@code sort}, so no one can order a list by
 * what the list does not show (a token, a raw payload, another table's column).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SortableBy {
    String[] value();
}
