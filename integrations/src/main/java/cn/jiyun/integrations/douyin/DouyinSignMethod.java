package cn.jiyun.integrations.douyin;

/** How Douyin requests are signed; the value is what goes into the {@code sign_method} query parameter. */
public enum DouyinSignMethod {
    HMAC_SHA256("hmac-sha256"),
    /** The older form: no {@code sign_method} is sent and the server assumes MD5. */
    MD5("md5");

    private final String wireName;

    DouyinSignMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
