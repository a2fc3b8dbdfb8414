package cn.jiyun.fulfillment.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Pages speak Chinese unless the user picks English with {@code ?lang=en} (remembered in a
 * cookie); the API keeps answering in the client's Accept-Language, as before the pages existed.
 */
@Configuration
class PageLocaleConfiguration implements WebMvcConfigurer {

    static final String LANG_PARAMETER = "lang";

    /** The pages that speak the user's chosen language (the API follows Accept-Language). */
    static final String[] LOCALISED_PAGES = {"/", "/login", "/denied", "/manifests", "/manifests/**", "/track/**",
            "/admin", "/admin/**"};

    @Bean
    LocaleResolver localeResolver() {
        return new PagesFirstLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(LANG_PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns(LOCALISED_PAGES);
    }

    /** The cookie's choice (default zh-CN) on page paths, Accept-Language everywhere else. */
    static final class PagesFirstLocaleResolver implements LocaleResolver {

        private final CookieLocaleResolver pages = new CookieLocaleResolver("jiyun-lang");
        private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();

        PagesFirstLocaleResolver() {
            pages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
            pages.setCookieMaxAge(Duration.ofDays(365));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return isPage(request) ? pages.resolveLocale(request) : api.resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (isPage(request)) {
                pages.setLocale(request, response, locale);
            }
        }

        private static final PathPatternParser PARSER = new PathPatternParser();
        private static final List<PathPattern> PAGES = Arrays.stream(LOCALISED_PAGES).map(PARSER::parse).toList();

        private static boolean isPage(HttpServletRequest request) {
            PathContainer path = PathContainer.parsePath(
                    request.getRequestURI().substring(request.getContextPath().length()));
            return PAGES.stream().anyMatch(page -> page.matches(path));
        }
    }
}
