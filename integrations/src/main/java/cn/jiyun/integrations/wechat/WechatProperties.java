package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Carrier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * WeChat's own settings under {@code jiyun.platforms.wechat}; the ones every platform has are
 * {@link cn.jiyun.integrations.sync.ConnectorSettings}. The app secret, message token and encoding AES key are
 * secrets: {@link #toString()} never shows them.
 *
 * @param appId          the shop's app id (self-developed shop)
 * @param appSecret      the app secret, used only to get the access token from {@code stable_token}
 * @param token          the message-push Token
 * @param encodingAesKey the message-push EncodingAESKey (43 characters)
 * @param detailCalls    {@code order/get} calls in flight at once per shop sync, 1 to 10: the list gives only
 *                       ids, so each order costs a call of its own
 * @param carrierCodes   overrides of the {@code delivery_id} per carrier (see {@link WechatCarrierCodes})
 */
@ConfigurationProperties("jiyun.platforms.wechat")
public record WechatProperties(
        String appId,
        String appSecret,
        String token,
        String encodingAesKey,
        @DefaultValue("4") int detailCalls,
        Map<Carrier, String> carrierCodes) {

    public WechatProperties {
        appId = appId == null ? "" : appId;
        appSecret = appSecret == null ? "" : appSecret;
        token = token == null ? "" : token;
        encodingAesKey = encodingAesKey == null ? "" : encodingAesKey;
        carrierCodes = carrierCodes == null ? Map.of() : Map.copyOf(carrierCodes);
    }

    @Override
    public String toString() {
        return "WechatProperties[appId=" + appId + ", detailCalls=" + detailCalls + ", secrets hidden]";
    }
}
