package cn.jiyun.integrations.sandbox;

/**
 * The app credentials the sandbox's platforms issue to Jiyun: fixed demo values in the formats the
 * real consoles hand out (README sections 1.1, 2, 3.1 and 3.6). They open nothing outside the sandbox.
 *
 * @param douyinAppKey          Douyin app key, 19 digits
 * @param douyinAppSecret       Douyin app secret (signs calls, signs pushes)
 * @param kuaishouAppKey        Kuaishou app key ({@code ks…})
 * @param kuaishouAppSecret     Kuaishou app secret, for OAuth token refresh only
 * @param kuaishouSignSecret    Kuaishou sign secret, for API request signatures
 * @param kuaishouMessageKey    Kuaishou message key, Base64 of a 16-byte AES key, for pushes
 * @param wechatAppId           WeChat shop app id ({@code wx} and 16 hex digits)
 * @param wechatAppSecret       WeChat app secret, for {@code stable_token}
 * @param wechatToken           WeChat message-push Token
 * @param wechatEncodingAesKey  WeChat EncodingAESKey, 43 characters
 */
public record SandboxCredentials(
        String douyinAppKey,
        String douyinAppSecret,
        String kuaishouAppKey,
        String kuaishouAppSecret,
        String kuaishouSignSecret,
        String kuaishouMessageKey,
        String wechatAppId,
        String wechatAppSecret,
        String wechatToken,
        String wechatEncodingAesKey) {

    /** The demo's credentials; the connector settings from {@link SandboxProperties#connectorProperties} use these. */
    public static final SandboxCredentials DEMO = new SandboxCredentials(
            "7311000000000000001",
            "5a1d0b6e-0c3f-4d7e-9b1a-6a5f2e9c8d01",
            "ks640000000000000001",
            "jiyunSandboxKuaishouAppSecret0",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            // Base64 of the 16 bytes "jiyun-demo-key16"
            "aml5dW4tZGVtby1rZXkxNg==",
            "wx640000a1b2c3d4e5",
            "3f6c0e9d2b8a47f1a5c6d7e8f9012345",
            "jiyunSandboxToken",
            "JiyunDemoEncodingAesKey0123456789abcdefghij");

    @Override
    public String toString() {
        return "SandboxCredentials[douyin " + douyinAppKey + ", kuaishou " + kuaishouAppKey + ", wechat " + wechatAppId
                + ", secrets hidden]";
    }
}
