package cn.jiyun.integrations;

import java.util.Objects;

/**
 * A shop's own app on its platform, where the platform gives each shop one (WeChat Channels: the appid and
 * AppSecret of the shop's self-built app, 微信小店 → 服务市场 → 自研). The secret is a secret: {@link #toString()}
 * never shows it.
 */
public record AppCredentials(String appId, String appSecret) {

    public AppCredentials {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        appId = appId.strip();
        appSecret = appSecret.strip();
    }

    /** Both given; a blank appid or secret cannot be checked with the platform. */
    public boolean complete() {
        return !appId.isEmpty() && !appSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "AppCredentials[" + appId + ", secret hidden]";
    }
}
