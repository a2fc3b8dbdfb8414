package cn.jiyun.integrations.spreadsheet;

import java.util.Objects;

/**
 * An uploaded file refused as a whole; the message says why in words a cooperative admin can
 * act on (Chinese, then English) and {@link #refusal()} lets the upload endpoint pick its answer.
 */
public class SheetRejectedException extends RuntimeException {

    /** Why a file is refused as a whole. */
    public enum Refusal {
        EMPTY,
        NO_ORDERS,
        TOO_LARGE,
        TOO_MANY_ROWS,
        LEGACY_XLS,
        UNSUPPORTED_TYPE,
        UNREADABLE,
        BAD_HEADER
    }

    private final Refusal refusal;

    public SheetRejectedException(Refusal refusal, String reason) {
        super(reason);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public SheetRejectedException(Refusal refusal, String reason, Throwable cause) {
        super(reason, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The reason as shown to the admin; never a stack trace. */
    public String reason() {
        return getMessage();
    }
}
