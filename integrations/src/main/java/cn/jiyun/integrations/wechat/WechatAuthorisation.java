package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.AppCredentialsAuthorisation;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;

/**
 * A WeChat Channels shop authorises Jiyun as its self-built app (README 3.1): its owner gives the appid and
 * AppSecret of 微信小店 → 服务市场 → 自研, {@code stable_token} checks them at once, and
 * {@code basics/info/get} names the shop.
 */
public class WechatAuthorisation implements AppCredentialsAuthorisation {

    private final WechatApiClient client;

    public WechatAuthorisation(WechatApiClient client) {
        this.client = client;
    }

    @Override
    public Platform platform() {
        return Platform.WECHAT;
    }

    @Override
    public AuthorisedShop authorise(AppCredentials credentials) {
        return client.authorise(credentials);
    }
}
