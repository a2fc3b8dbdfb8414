package cn.jiyun.integrations.tracking;

/** A push that is not the aggregator's (bad or missing signature) or cannot be read; nothing is done with it. */
public class PushRejectedException extends RuntimeException {

    public PushRejectedException(String message) {
        super(message);
    }

    public PushRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
