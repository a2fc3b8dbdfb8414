package cn.jiyun.integrations;

/** A platform call failed; {@link #retryable()} says whether trying later may succeed. */
public class PlatformException extends RuntimeException {

    private final Platform platform;
    private final String platformCode;
    private final boolean retryable;

    public PlatformException(Platform platform, String platformCode, String message, boolean retryable,
                             Throwable cause) {
        super(platform + " " + platformCode + ": " + message, cause);
        this.platform = platform;
        this.platformCode = platformCode;
        this.retryable = retryable;
    }

    public PlatformException(Platform platform, String platformCode, String message, boolean retryable) {
        this(platform, platformCode, message, retryable, null);
    }

    public Platform platform() {
        return platform;
    }

    /** The platform's own error code, as it sent it. */
    public String platformCode() {
        return platformCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
