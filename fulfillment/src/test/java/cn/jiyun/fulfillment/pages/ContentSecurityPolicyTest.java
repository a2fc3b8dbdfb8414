package cn.jiyun.fulfillment.pages;

import cn.jiyun.fulfillment.printing.PrintComponents;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The pages forbid inline scripts and styles, and the templates give them none to forbid. */
@H2gisTest
class ContentSecurityPolicyTest {

    /** Rendered to PDF on the server, never served to a browser. */
    private static final String PDF_ONLY = "manifests/print.html";

    @Autowired
    MockMvc mvc;

    @Test
    void thePagesForbidInlineScriptsStylesAndFraming() throws Exception {
        for (String path : List.of("/login", "/track/no-such-order")) {
            String policy = mvc.perform(get(path)).andReturn().getResponse().getHeader("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self';", "style-src 'self';", "object-src 'none'",
                    "frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        }
    }

    @Test
    void mapTilesMayComeOnlyFromTheConfiguredTileServer() {
        assertThat(PageSecurityConfiguration.contentSecurityPolicy("", List.of())).contains("img-src 'self' data: blob:;");
        assertThat(PageSecurityConfiguration.contentSecurityPolicy("https://{s}.tile.example.org/{z}/{x}/{y}.png",
                List.of())).contains("img-src 'self' data: blob: https://*.tile.example.org;");
        assertThat(PageSecurityConfiguration.tileOrigin("http://localhost:18089/tiles/{z}/{x}/{y}.png"))
                .isEqualTo("http://localhost:18089");
        assertThatThrownBy(() -> PageSecurityConfiguration.tileOrigin("tiles/{z}/{x}/{y}.png"))
                .hasMessageContaining("jiyun.map.tile-url must be an http(s) URL template");
    }

    @Test
    void thePagesMayTalkOnlyToThePrintComponentsOnTheHubsPc() throws Exception {
        String policy = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("connect-src 'self' ws://127.0.0.1:13888 ws://localhost:16888 ws://127.0.0.1:12705;");
        assertThat(new PrintComponents("/sandbox/print-component/douyin", "ws://localhost:16888/ks/printer",
                "wss://127.0.0.1:12706").origins()).containsExactly("ws://localhost:16888", "wss://127.0.0.1:12706");
        assertThatThrownBy(() -> new PrintComponents("http://127.0.0.1:13888", "/k", "/w"))
                .hasMessageContaining("jiyun.printing.components.douyin must be a ws:// or wss:// address");
    }

    @Test
    void noServedTemplateHasAnInlineScriptStyleOrHandler() throws Exception {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style|\\sstyle=|th:style=|\\son[a-z]+=|javascript:",
                Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).hasSizeGreaterThan(10);
        for (Resource template : templates) {
            String path = template.getURL().getPath();
            if (path.endsWith(PDF_ONLY)) {
                continue;
            }
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            for (Pattern pattern : List.of(inlineScript, inlineStyle)) {
                Matcher matcher = pattern.matcher(html);
                while (matcher.find()) {
                    found.add(path.substring(path.indexOf("templates/")) + ": " + matcher.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
