package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may reach what, written once as data ({@code role-matrix.txt}: one row per endpoint and page, the answer for
 * each role) from the README's roles, and checked against the running application. A new endpoint without a row,
 * or a row for an endpoint that is gone, fails the test.
 *
 * <p>The answers: {@code in} (let through: whatever the endpoint then says of the request, never 401, 403 or a
 * login redirect), {@code 403} (refused for the role), {@code login} (no one logged in: a 401 for the API, the login
 * page for a page). Every path variable is an id that exists nowhere, so a role that is let in gets "not found" or a
 * validation error, and nothing is changed.
 */
@H2gisTest
class RoleMatrixTest {

    private static final List<String> ROLES = List.of("COOP_ADMIN", "COURIER", "SELLER", "ANONYMOUS", "OPERATOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARowAndEveryRoleGetsItsAnswer() throws Exception {
        Map<String, List<String>> matrix = matrix();
        TreeSet<String> endpoints = endpoints();
        assertThat(new TreeSet<>(matrix.keySet()))
                .as("every endpoint and page has a row in role-matrix.txt, and every row an endpoint")
                .containsExactlyElementsOf(endpoints);

        Cooperative coop = fixtures.cooperative();
        Map<String, JiyunUser> users = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            users.put(role.name(), fixtures.user(coop, role));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> row : matrix.entrySet()) {
            String[] endpoint = row.getKey().split(" ", 2);
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                String expected = row.getValue().get(i);
                MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(endpoint[0]), concrete(endpoint[1]))
                        .with(csrf());
                if (users.containsKey(role)) {
                    call = call.with(user(users.get(role)));
                }
                MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
                String actual = answer(endpoint[1], response);
                if (!actual.equals(expected)) {
                    wrong.add(row.getKey() + " as " + role + ": expected " + expected + ", was " + actual + " ("
                            + response.getStatus() + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String answer(String path, MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        if (status == 401 || (status == 302 && location != null && location.endsWith("/login"))) {
            return "login";
        }
        if (status == 403) {
            return "403";
        }
        // let through, but a server error is never an expected answer (an empty form field once was a 500)
        return status >= 500 ? "5xx" : "in";
    }

    /** {@code /api/plans/{id}/routes/{routeId}/courier} with ids that exist nowhere. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{token}", "no-such-token").replaceAll("\\{[^}]+}", "987654321");
    }

    /** Every mapped method and path of the application's own controllers, as {@code "GET /api/hubs"}. */
    private TreeSet<String> endpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry
                : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("cn.jiyun")) {
                continue; // the error controller and springdoc's own
            }
            RequestMappingInfo info = entry.getKey();
            var methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + path);
                } else {
                    for (RequestMethod method : methods) {
                        endpoints.add(method.name() + " " + path);
                    }
                }
            }
        }
        return endpoints;
    }

    private static Map<String, List<String>> matrix() throws Exception {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String text = new ClassPathResource("role-matrix.txt").getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String row = (line.contains("#") ? line.substring(0, line.indexOf('#')) : line).strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.split("\\s+");
            assertThat(cells).as(row).hasSize(2 + ROLES.size());
            String key = cells[0] + " " + cells[1];
            assertThat(rows).as("one row for " + key).doesNotContainKey(key);
            rows.put(key, List.of(cells).subList(2, cells.length));
        }
        return rows;
    }
}
