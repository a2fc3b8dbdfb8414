package cn.jiyun.integrations.tracking;

/** A tracking aggregator refused a call or could not be reached; {@link #retryable()} says whether later may work. */
public class TrackingException extends RuntimeException {

    private final boolean retryable;

    public TrackingException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public TrackingException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
