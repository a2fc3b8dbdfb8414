package cn.jiyun.integrations.tracking;

/** A push that is not the aggregator's (bad or missing signature) or cannot be read; nothing is done with it. */
public class PushRejectedException extends RuntimeException {

    private final boolean badSignature;

    public PushRejectedException(String message, boolean badSignature) {
        super(message);
        this.badSignature = badSignature;
    }

    public PushRejectedException(String message, Throwable cause) {
        super(message, cause);
        this.badSignature = false;
    }

    /** True when the push is not signed as the aggregator signs: it may not be the aggregator's at all. */
    public boolean badSignature() {
        return badSignature;
    }
}
