package cn.jiyun.integrations.douyin;

/** A Douyin order Jiyun cannot take as it is; the message says what a person should look at. */
class DouyinUnmappableOrder extends Exception {
    DouyinUnmappableOrder(String reason) {
        super(reason);
    }

    DouyinUnmappableOrder(String reason, Throwable cause) {
        super(reason, cause);
    }
}
