package cn.jiyun.fulfillment.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A user whose password someone else chose (an invitation or a reset) does nothing else until they choose their
 * own: the API answers 403 with a problem saying where to change it, a page sends them to {@code /password}.
 * Added to both filter chains after authentication; not a bean, so that it runs only inside them.
 */
public final class FirstPasswordGuard extends OncePerRequestFilter {

    public static final String API_PATH = "/api/me/password";
    public static final String PAGE_PATH = "/password";
    private static final List<String> OPEN = List.of(API_PATH, PAGE_PATH, "/logout", "/login", "/denied");

    private final ObjectMapper json;

    public FirstPasswordGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean mustChange = auth != null && auth.getPrincipal() instanceof JiyunUser user && user.mustChangePassword();
        if (!mustChange || OPEN.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/images/")) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Your password was set by someone else: choose your own first, with PUT " + API_PATH
                            + " {\"currentPassword\", \"newPassword\"}");
            problem.setTitle("Password change needed");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        response.sendRedirect(request.getContextPath() + PAGE_PATH);
    }
}
