package cn.jiyun.integrations.wechat;

/** A push that is not provably from WeChat for our app: bad signature, undecryptable, or another app's. */
public class WebhookRejectedException extends RuntimeException {

    public WebhookRejectedException(String message) {
        super(message);
    }
}
