package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.ConnectorSkeleton;
import cn.jiyun.integrations.sync.PlatformRoutes;
import cn.jiyun.integrations.sync.SkeletonConfiguration;
import cn.jiyun.integrations.sync.UnconfiguredPushReader;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.Map;

/** Wires the WeChat Channels Shop connector onto the skeleton when {@code jiyun.platforms.wechat.base-url} is set. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "jiyun.platforms.wechat", name = "base-url")
@EnableConfigurationProperties(WechatProperties.class)
@Import(SkeletonConfiguration.class)
public class WechatAutoConfiguration {

    /**
     * WeChat's windows are its longest, seven days; its app token is replaced five minutes before expiry, as
     * {@code stable_token} itself hands out the next one only then.
     */
    public static final Map<String, String> DEFAULTS = Map.of("window-length", "7d", "token-refresh-margin", "5m");

    @Bean
    WechatApiClient wechatApiClient(ConnectorSkeleton skeleton, WechatProperties properties) {
        return new WechatApiClient(skeleton.settings(Platform.WECHAT, DEFAULTS), properties, skeleton.shops(),
                skeleton.clock());
    }

    @Bean
    WechatConnector wechatConnector(ConnectorSkeleton skeleton, WechatProperties properties, WechatApiClient client) {
        ConnectorSettings settings = skeleton.settings(Platform.WECHAT, DEFAULTS);
        return new WechatConnector(client, new WechatOrderMapper(client.json()),
                new WechatCarrierCodes(properties.carrierCodes()), settings, properties.detailCalls(),
                skeleton.windowedSync(Platform.WECHAT, settings, null));
    }

    /** Shops authorised with their own self-built app's appid and AppSecret. */
    @Bean
    WechatAuthorisation wechatAuthorisation(WechatApiClient client) {
        return new WechatAuthorisation(client);
    }

    @Bean
    WechatEWaybills wechatEWaybills(WechatProperties properties, WechatApiClient client) {
        return new WechatEWaybills(client, new WechatCarrierCodes(properties.carrierCodes()));
    }

    @Bean
    PlatformRoutes wechatRoutes(ConnectorSkeleton skeleton, WechatProperties properties, WechatApiClient client,
                                WechatConnector connector) {
        if (properties.token().isEmpty() && properties.encodingAesKey().isEmpty()) {
            return skeleton.routes(skeleton.settings(Platform.WECHAT, DEFAULTS), connector, new UnconfiguredPushReader(
                    "WeChat Channels", "jiyun.platforms.wechat.token and jiyun.platforms.wechat.encoding-aes-key"));
        }
        if (properties.token().isEmpty() || properties.encodingAesKey().isEmpty()) {
            throw new IllegalStateException("jiyun.platforms.wechat." + (properties.token().isEmpty() ? "token"
                    : "encoding-aes-key") + " is missing: the WeChat Channels webhook needs both the message-push Token "
                    + "and the EncodingAESKey (or neither, to poll only)");
        }
        WechatMessageCrypto crypto = new WechatMessageCrypto(properties.token(), properties.encodingAesKey(),
                properties.appId());
        return skeleton.routes(skeleton.settings(Platform.WECHAT, DEFAULTS), connector,
                new WechatPushReader(crypto, client.json(), skeleton.clock()));
    }
}
