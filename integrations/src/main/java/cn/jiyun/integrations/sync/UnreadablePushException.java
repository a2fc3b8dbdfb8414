package cn.jiyun.integrations.sync;

/** A push the platform signed (or sealed) whose message Jiyun cannot read: kept as a dead letter and acknowledged. */
public class UnreadablePushException extends RuntimeException {

    private final String message;

    /**
     * @param message what the push said, as far as it could be read (decrypted, where the platform encrypts)
     * @param reason  why it cannot be read
     */
    public UnreadablePushException(String message, String reason) {
        super(reason);
        this.message = message;
    }

    public UnreadablePushException(String message, String reason, Throwable cause) {
        super(reason, cause);
        this.message = message;
    }

    /** The push as far as it could be read. */
    public String pushMessage() {
        return message;
    }
}
