package cn.jiyun.integrations.wechat;

/** A WeChat order Jiyun cannot turn into a canonical order; its message says what to fix. */
public class UnmappableOrderException extends RuntimeException {

    public UnmappableOrderException(String reason) {
        super(reason);
    }
}
