package cn.jiyun.fulfillment.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every list of the API refuses a page or a size it cannot serve, instead of quietly clamping it
 * ({@code page=-1} became page 0) or failing inside the store ({@code page=2147483647&size=2000}
 * overflowed the row offset): a negative page, a size outside 1–{@value #MAX_SIZE}, or a page whose first
 * row lies beyond what a list can hold is a 400 naming the parameter. A {@code sort} by a property the list does
 * not name in its {@link SortableBy} is refused the same way.
 */
@Configuration
class PagingParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** Spring Data's own largest page, which the lists keep. */
    static final int MAX_SIZE = 2_000;

    @Override
    public void addInterceptors(@NonNull InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) {
        long page = parameter(request, "page", 0);
        long size = parameter(request, "size", 20);
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more (the first page is 0)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (page * size > Integer.MAX_VALUE) {
            throw new InvalidFieldException("page", "is beyond the last row any list can have at size " + size);
        }
        String[] sorts = request.getParameterValues("sort");
        if (sorts != null && handler instanceof HandlerMethod method) {
            checkSort(method, sorts);
        }
        return true;
    }

    private static void checkSort(HandlerMethod method, String[] sorts) {
        MethodParameter pageable = Arrays.stream(method.getMethodParameters())
                .filter(p -> Pageable.class.isAssignableFrom(p.getParameterType())).findFirst().orElse(null);
        if (pageable == null) {
            return; // not a list: Spring never reads the parameter
        }
        SortableBy sortable = pageable.getParameterAnnotation(SortableBy.class);
        List<String> allowed = sortable == null ? List.of() : List.of(sortable.value());
        for (String sort : sorts) {
            for (String part : sort.split(",")) {
                String property = part.strip();
                String lower = property.toLowerCase(Locale.ROOT);
                if (property.isEmpty() || lower.equals("asc") || lower.equals("desc")) {
                    continue;
                }
                if (!allowed.contains(property)) {
                    throw new InvalidFieldException("sort", allowed.isEmpty() ? "this list cannot be sorted"
                            : "can be by " + String.join(", ", allowed) + " (then ,asc or ,desc), not '"
                            + property + "'");
                }
            }
        }
    }

    private static long parameter(HttpServletRequest request, String name, long absent) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidFieldException(name, "must be a whole number, not '" + value + "'");
        }
    }
}
