package cn.jiyun.fulfillment.pages;

import cn.jiyun.fulfillment.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
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
            "/track/**", "/css/**", "/js/**", "/images/**", "/webjars/**"};

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
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
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(denied));
        return http.build();
    }
}
