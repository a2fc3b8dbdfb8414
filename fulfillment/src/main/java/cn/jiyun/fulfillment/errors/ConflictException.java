package cn.jiyun.fulfillment.errors;

/** The request clashes with what is stored: a duplicate, or a change the current state forbids. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
