package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.ConnectorSkeleton;
import cn.jiyun.integrations.sync.PlatformRoutes;
import cn.jiyun.integrations.sync.SkeletonConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.Map;

/** Wires the Douyin connector onto the skeleton when {@code jiyun.platforms.douyin.base-url} is set. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.platforms.douyin", name = "base-url")
@EnableConfigurationProperties(DouyinProperties.class)
@Import(SkeletonConfiguration.class)
public class DouyinAutoConfiguration {

    /** Douyin documents no window limit: the common one-hour window and 100 orders a page. */
    public static final Map<String, String> DEFAULTS = Map.of();

    @Bean
    DouyinSigner douyinSigner(DouyinProperties properties) {
        return new DouyinSigner(properties.appKey(), properties.appSecret(), properties.signMethod());
    }

    @Bean
    DouyinConnector douyinConnector(ConnectorSkeleton skeleton, DouyinProperties properties, DouyinSigner signer) {
        ConnectorSettings settings = skeleton.settings(Platform.DOUYIN, DEFAULTS);
        return new DouyinConnector(settings.pageSize(), new DouyinClient(settings, signer, skeleton.shops(),
                skeleton.clock()), new DouyinOrderMapper(), new DouyinCarrierCodes(properties.carrierCodes()),
                skeleton.windowedSync(Platform.DOUYIN, settings, null));
    }

    /** The service market's authorise page, {@code jiyun.platforms.douyin.authorise-url}; the real one by default. */
    @Bean
    DouyinAuthorisation douyinAuthorisation(ConnectorSkeleton skeleton, DouyinProperties properties, DouyinSigner signer,
                                            @Value("${jiyun.platforms.douyin.authorise-url:https://fuwu.jinritemai.com/authorize}")
                                            String authoriseUrl) {
        ConnectorSettings settings = skeleton.settings(Platform.DOUYIN, DEFAULTS);
        return new DouyinAuthorisation(authoriseUrl, properties.appKey(),
                new DouyinClient(settings, signer, skeleton.shops(), skeleton.clock()));
    }

    @Bean
    DouyinEWaybills douyinEWaybills(ConnectorSkeleton skeleton, DouyinProperties properties, DouyinSigner signer) {
        ConnectorSettings settings = skeleton.settings(Platform.DOUYIN, DEFAULTS);
        return new DouyinEWaybills(new DouyinClient(settings, signer, skeleton.shops(), skeleton.clock()),
                new DouyinCarrierCodes(properties.carrierCodes()));
    }

    @Bean
    PlatformRoutes douyinRoutes(ConnectorSkeleton skeleton, DouyinConnector connector, DouyinSigner signer) {
        return skeleton.routes(skeleton.settings(Platform.DOUYIN, DEFAULTS), connector, new DouyinPushReader(signer));
    }
}
