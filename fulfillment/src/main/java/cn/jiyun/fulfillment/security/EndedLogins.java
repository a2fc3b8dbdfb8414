package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a page login whose user has since been disabled, or whose cooperative has been suspended: the next page they
 * open logs them out and shows the login page saying so. The check reads the store on every page request, so it
 * holds on whichever instance serves the request (a session remembered by one process alone would not). The API
 * authenticates every request anew and needs no such check.
 */
@Component
public class EndedLogins {

    /** The login page's parameter for a login ended by an admin or an operator. */
    public static final String ENDED = "/login?ended";

    private final AppUsers users;
    private final CooperativeService cooperatives;

    EndedLogins(AppUsers users, CooperativeService cooperatives) {
        this.users = users;
        this.cooperatives = cooperatives;
    }

    /** Whether the user may still work: they exist, are enabled, and their cooperative (if any) is not suspended. */
    public boolean stillValid(JiyunUser user) {
        return users.findById(user.userId())
                .filter(AppUser::enabled)
                .filter(u -> u.cooperativeId() == null || !cooperatives.isSuspended(u.cooperativeId()))
                .isPresent();
    }

    /** The filter for the pages' chain, after the session's login is read; not a bean, so it runs only there. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof JiyunUser user && !stillValid(user)) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    response.sendRedirect(request.getContextPath() + ENDED);
                    return;
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                        || path.startsWith("/webjars/") || path.equals("/login");
            }
        };
    }
}
