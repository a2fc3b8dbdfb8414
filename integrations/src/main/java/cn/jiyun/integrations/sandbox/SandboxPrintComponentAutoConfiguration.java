package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import java.util.List;
import java.util.Locale;

/**
 * On the sandbox, the stand-ins for the platforms' print components at
 * {@code ws://<service>/sandbox/print-component/douyin}, {@code /kuaishou} and {@code /wechat}, which the demo's hub
 * page reaches where a real hub's PC runs the platform's component.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "jiyun.sandbox", name = "enabled", havingValue = "true")
@EnableWebSocket
public class SandboxPrintComponentAutoConfiguration implements WebSocketConfigurer {

    /** Where the stand-ins listen on the service, followed by the platform in lower case. */
    public static final String PATH = "/sandbox/print-component/";

    private final ObjectMapper json = new ObjectMapper();
    private final List<SandboxPrintComponent.Printed> printed = SandboxPrintComponent.printedList();

    /** What the stand-ins printed, oldest first. */
    @Bean
    SandboxPrintedLabels sandboxPrintedLabels() {
        return () -> List.copyOf(printed);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        for (Platform platform : List.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT)) {
            // the page is Jiyun's own and the component answers any page on the PC, as the real ones do
            registry.addHandler(new SandboxPrintComponent(platform, json, printed),
                    PATH + platform.name().toLowerCase(Locale.ROOT)).setAllowedOriginPatterns("*");
        }
    }
}
