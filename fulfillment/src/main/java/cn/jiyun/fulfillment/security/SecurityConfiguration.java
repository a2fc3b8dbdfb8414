package cn.jiyun.fulfillment.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The API speaks HTTP Basic without sessions (so no CSRF token is needed there); health is open to
 * load balancers and probes; everything else needs a login, and writes need a cooperative admin.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String ADMIN = Role.COOP_ADMIN.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN)
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/webhooks/**").permitAll()
                        // the sandbox's stand-ins for the print components on a hub's PC, which take no login either
                        .requestMatchers("/sandbox/print-component/**").permitAll()
                        // everyone changes their own password
                        .requestMatchers(FirstPasswordGuard.API_PATH).authenticated()
                        // an admin reads their cooperative's audit trail, an operator every cooperative's
                        .requestMatchers(HttpMethod.GET, "/api/audit").hasAnyRole(ADMIN, Role.OPERATOR.name())
                        // Jiyun's operators open and suspend cooperatives, and read no cooperative's records
                        .requestMatchers("/api/cooperatives", "/api/cooperatives/**").hasRole(Role.OPERATOR.name())
                        // sellers read their own shops' orders (the services narrow them); couriers read no order:
                        // their routes' stops say what to collect
                        .requestMatchers(HttpMethod.GET, "/api/orders/**", "/api/shops/**")
                        .hasAnyRole(ADMIN, Role.SELLER.name())
                        .requestMatchers(HttpMethod.GET, "/api/hubs/**", "/api/producers/**", "/api/vehicles/**")
                        .hasAnyRole(ADMIN, Role.COURIER.name())
                        // couriers confirm pickups on their routes and scan at the hub; the services check which routes
                        .requestMatchers("/api/routes/**", "/api/hub/**").hasAnyRole(ADMIN, Role.COURIER.name())
                        .requestMatchers("/api/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new FirstPasswordGuard(json), AuthorizationFilter.class)
                // a refusal is an RFC 7807 problem like every other refusal of the API, not Spring's default body
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                            "Your role may not do this: " + request.getMethod() + " " + request.getRequestURI());
                    problem.setTitle("Forbidden");
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), problem);
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the API authenticates every request with Basic credentials, never with a cookie;
                // webhooks authenticate with the platforms' signatures
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/webhooks/**", "/actuator/**"));
        return http.build();
    }

    @Bean
    ThrottledAuthenticationProvider throttledLogins(JiyunUserDetailsService users, PasswordEncoder passwords,
                                                    LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, passwords, throttle);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
