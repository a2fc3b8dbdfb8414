package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.ConnectorSkeleton;
import cn.jiyun.integrations.sync.PlatformRoutes;
import cn.jiyun.integrations.sync.PushReader;
import cn.jiyun.integrations.sync.SkeletonConfiguration;
import cn.jiyun.integrations.sync.UnconfiguredPushReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.Map;

/** Wires the Kuaishou connector onto the skeleton when {@code jiyun.platforms.kuaishou.base-url} is set. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.platforms.kuaishou", name = "base-url")
@EnableConfigurationProperties(KuaishouProperties.class)
@Import(SkeletonConfiguration.class)
public class KuaishouAutoConfiguration {

    /** Kuaishou's windows are a day (at most seven), its pages 50 orders. */
    public static final Map<String, String> DEFAULTS = Map.of("window-length", "1d", "page-size", "50");

    /** Kept per connector so Kuaishou's wire quirks never depend on the application's mapper settings. */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Bean
    KuaishouConnector kuaishouConnector(ConnectorSkeleton skeleton, KuaishouProperties properties) {
        ConnectorSettings settings = skeleton.settings(Platform.KUAISHOU, DEFAULTS);
        return new KuaishouConnector(settings, client(skeleton, properties), new KuaishouOrderMapper(JSON), JSON,
                skeleton.windowedSync(Platform.KUAISHOU, settings, KuaishouConnector.OLDEST_KUAISHOU_SERVES));
    }

    /** Kuaishou's authorise page, {@code jiyun.platforms.kuaishou.authorise-url}; the real one by default. */
    @Bean
    KuaishouAuthorisation kuaishouAuthorisation(ConnectorSkeleton skeleton, KuaishouProperties properties,
                                                @Value("${jiyun.platforms.kuaishou.authorise-url:https://open.kwaixiaodian.com/oauth/authorize}")
                                                String authoriseUrl) {
        return new KuaishouAuthorisation(authoriseUrl, properties.appKey(), client(skeleton, properties));
    }

    @Bean
    KuaishouEWaybills kuaishouEWaybills(ConnectorSkeleton skeleton, KuaishouProperties properties) {
        return new KuaishouEWaybills(client(skeleton, properties), JSON);
    }

    /** A client per bean, as the other platforms have: each signs with the sign secret and refreshes for its shops. */
    private static KuaishouClient client(ConnectorSkeleton skeleton, KuaishouProperties properties) {
        return new KuaishouClient(skeleton.settings(Platform.KUAISHOU, DEFAULTS), properties,
                new KuaishouSigner(properties.signSecret()), skeleton.shops(), JSON, skeleton.clock());
    }

    @Bean
    PlatformRoutes kuaishouRoutes(ConnectorSkeleton skeleton, KuaishouProperties properties,
                                  KuaishouConnector connector) {
        PushReader pushes = properties.receivesPushes()
                ? new KuaishouPushReader(new KuaishouMessageCipher(properties.messageKey()), properties.appKey(), JSON,
                        skeleton.clock())
                : new UnconfiguredPushReader("Kuaishou", "jiyun.platforms.kuaishou.message-key");
        return skeleton.routes(skeleton.settings(Platform.KUAISHOU, DEFAULTS), connector, pushes);
    }
}
