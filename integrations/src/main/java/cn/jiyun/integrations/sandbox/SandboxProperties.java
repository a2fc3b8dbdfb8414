package cn.jiyun.integrations.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the platform sandbox, under {@code jiyun.sandbox}.
 *
 * @param enabled         whether the demo runs the sandbox at all
 * @param port            the port WireMock listens on; 0 picks a free one (tests)
 * @param orderInterval   how often a new paid order arrives somewhere; zero or negative: only on demand
 * @param backlogPerShop  paid orders of the last 24 h each shop has at start
 * @param seed            the generator's seed: the same seed, catalogue and clock give the same orders
 * @param webhookCallback where the platforms push their messages, e.g. {@code http://localhost:8080};
 *                        empty: no pushes
 * @param trackingStep    the time between two scans the sandbox's tracking aggregator pushes for each parcel it
 *                        follows; zero or negative: only on demand
 */
@ConfigurationProperties("jiyun.sandbox")
public record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("18089") int port,
        @DefaultValue("20s") Duration orderInterval,
        @DefaultValue("30") int backlogPerShop,
        @DefaultValue("20261129") long seed,
        URI webhookCallback,
        @DefaultValue("1m") Duration trackingStep) {

    public SandboxProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("jiyun.sandbox.port must be 0..65535, was " + port);
        }
        if (backlogPerShop < 0) {
            throw new IllegalArgumentException("jiyun.sandbox.backlog-per-shop must not be negative");
        }
        orderInterval = orderInterval == null ? Duration.ZERO : orderInterval;
        trackingStep = trackingStep == null ? Duration.ZERO : trackingStep;
    }

    /** For tests: a free port, no timer, no pushes. */
    public static SandboxProperties forTests(long seed, int backlogPerShop) {
        return new SandboxProperties(true, 0, Duration.ZERO, backlogPerShop, seed, null, Duration.ZERO);
    }

    public boolean movesParcelsOnTimer() {
        return !trackingStep.isNegative() && !trackingStep.isZero();
    }

    public boolean generatesOnTimer() {
        return !orderInterval.isNegative() && !orderInterval.isZero();
    }

    /**
     * Every {@code jiyun.platforms.*} setting the three connectors need to talk to a sandbox on
     * {@code port}: base URLs, the demo credentials and quicker polling, so the demo shows orders soon.
     */
    public static Map<String, String> connectorProperties(int port) {
        SandboxCredentials demo = SandboxCredentials.DEMO;
        String base = "http://localhost:" + port;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("jiyun.platforms.douyin.base-url", base + PlatformSandbox.DOUYIN_PREFIX);
        properties.put("jiyun.platforms.douyin.app-key", demo.douyinAppKey());
        properties.put("jiyun.platforms.douyin.app-secret", demo.douyinAppSecret());
        properties.put("jiyun.platforms.douyin.sign-method", "HMAC_SHA256");
        properties.put("jiyun.platforms.douyin.poll-interval", "10s");
        properties.put("jiyun.platforms.douyin.authorise-url", base + SandboxAuthorisePages.DOUYIN_PATH);
        properties.put("jiyun.platforms.kuaishou.base-url", base + PlatformSandbox.KUAISHOU_PREFIX);
        properties.put("jiyun.platforms.kuaishou.app-key", demo.kuaishouAppKey());
        properties.put("jiyun.platforms.kuaishou.app-secret", demo.kuaishouAppSecret());
        properties.put("jiyun.platforms.kuaishou.sign-secret", demo.kuaishouSignSecret());
        properties.put("jiyun.platforms.kuaishou.message-key", demo.kuaishouMessageKey());
        properties.put("jiyun.platforms.kuaishou.sign-method", "HMAC_SHA256");
        properties.put("jiyun.platforms.kuaishou.poll-interval", "10s");
        properties.put("jiyun.platforms.kuaishou.authorise-url", base + SandboxAuthorisePages.KUAISHOU_PATH);
        properties.put("jiyun.platforms.wechat.base-url", base + PlatformSandbox.WECHAT_PREFIX);
        properties.put("jiyun.platforms.wechat.app-id", demo.wechatAppId());
        properties.put("jiyun.platforms.wechat.app-secret", demo.wechatAppSecret());
        properties.put("jiyun.platforms.wechat.token", demo.wechatToken());
        properties.put("jiyun.platforms.wechat.encoding-aes-key", demo.wechatEncodingAesKey());
        properties.put("jiyun.platforms.wechat.poll-interval", "10s");
        return properties;
    }
}
