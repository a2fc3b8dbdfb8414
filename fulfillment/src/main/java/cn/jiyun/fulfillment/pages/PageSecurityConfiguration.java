package cn.jiyun.fulfillment.pages;

import cn.jiyun.fulfillment.printing.PrintComponents;
import cn.jiyun.integrations.ShopAuthorisationFlow;
import cn.jiyun.fulfillment.security.EndedLogins;
import cn.jiyun.fulfillment.security.FirstPasswordGuard;
import cn.jiyun.fulfillment.security.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * People log in to the pages with a form and keep a session, so pages get CSRF protection; the
 * API's own chain (HTTP Basic, stateless) serves every path this one does not claim.
 */
@Configuration
class PageSecurityConfiguration {

    /** The paths of the pages; everything else belongs to the API chain. */
    static final String[] PAGES = {"/", "/login", "/logout", "/denied", "/manifests", "/manifests/**",
            "/board", "/board/**", "/admin", "/admin/**", "/orders", "/orders/**", "/hub", "/hub/**",
            "/operator", "/operator/**", "/password", "/track/**", "/css/**", "/js/**", "/images/**", "/webjars/**"};

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, @Value("${jiyun.map.tile-url:}") String tileUrl, ObjectMapper json,
                             EndedLogins endedLogins, PrintComponents printComponents,
                             org.springframework.beans.factory.ObjectProvider<ShopAuthorisationFlow> authorisationFlows)
            throws Exception {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        // the 403 page is rendered here; the container's /error belongs to the API chain
        denied.setErrorPage("/denied");
        http
                .securityMatcher(PAGES)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/denied", "/track/**", "/css/**", "/js/**", "/images/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers("/manifests", "/manifests/**", "/hub", "/hub/**")
                        .hasAnyRole(Role.COURIER.name(), Role.COOP_ADMIN.name())
                        .requestMatchers("/board", "/board/**", "/admin", "/admin/**").hasRole(Role.COOP_ADMIN.name())
                        .requestMatchers("/orders", "/orders/**").hasAnyRole(Role.SELLER.name(), Role.COOP_ADMIN.name())
                        .requestMatchers("/operator", "/operator/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .addFilterBefore(endedLogins.filter(), AuthorizationFilter.class)
                .addFilterBefore(new FirstPasswordGuard(json), AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        contentSecurityPolicy(tileUrl, printComponents.origins(),
                                authorisePageOrigins(authorisationFlows.orderedStream().toList())))));
        return http.build();
    }

    /**
     * The pages load scripts, styles and images from Jiyun itself only, with no inline script or style attribute
     * (scripts may still set styles through the DOM, as the map does); map tiles come from the configured tile
     * server's origin; QR codes and photos taken at the hub are {@code data:} or {@code blob:} images. No page may
     * be framed, posted elsewhere or given another base. The hub page may talk to the platforms' print components on
     * the hub's PC ({@link PrintComponents}).
     */
    static String contentSecurityPolicy(String tileUrl, java.util.List<String> printComponents) {
        return contentSecurityPolicy(tileUrl, printComponents, java.util.List.of());
    }

    /**
     * As above; a form may also be answered by a redirect to the platforms' authorise pages ({@code
     * authorisePages}): "授权" posts to Jiyun, which sends the browser on to the platform with the state.
     */
    static String contentSecurityPolicy(String tileUrl, java.util.List<String> printComponents,
                                        java.util.List<String> authorisePages) {
        String images = "'self' data: blob:";
        String tiles = tileOrigin(tileUrl);
        if (!tiles.isEmpty()) {
            images += " " + tiles;
        }
        String connect = "'self'" + (printComponents.isEmpty() ? "" : " " + String.join(" ", printComponents));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images
                + "; media-src 'self' blob:; connect-src " + connect + "; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'" + (authorisePages.isEmpty() ? "" : " " + String.join(" ", authorisePages))
                + "; frame-ancestors 'none'";
    }

    /**
     * The scheme and host of an XYZ tile template ({@code https://{s}.tile.example.org/{z}/{x}/{y}.png} gives
     * {@code https://*.tile.example.org}); empty for no tiles.
     */
    /** The origins of the platforms' authorise pages, as each turned-on flow builds them. */
    static java.util.List<String> authorisePageOrigins(java.util.List<ShopAuthorisationFlow> flows) {
        return flows.stream().map(flow -> flow.authorisePage("https://jiyun.invalid/callback", "state"))
                .map(uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""))
                .distinct().toList();
    }

    /** Stands in for Leaflet's {@code {s}} subdomain while the template is parsed as a URL. */
    private static final String ANY_SUBDOMAIN = "jiyun-any-subdomain.";

    static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        String template = tileUrl.strip().replace("{s}.", ANY_SUBDOMAIN);
        URI uri = null;
        try {
            uri = URI.create(template.replaceAll("\\{[a-z]+}", "0"));
        } catch (IllegalArgumentException malformed) {
            // refused below with the same sentence as a URL that is no http(s) one
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalStateException("jiyun.map.tile-url must be an http(s) URL template such as "
                    + "https://tile.example.org/{z}/{x}/{y}.png, not " + tileUrl);
        }
        String host = uri.getHost().startsWith(ANY_SUBDOMAIN)
                ? "*." + uri.getHost().substring(ANY_SUBDOMAIN.length()) : uri.getHost();
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
