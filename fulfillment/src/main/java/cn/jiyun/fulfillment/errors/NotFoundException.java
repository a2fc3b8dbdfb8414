package cn.jiyun.fulfillment.errors;

/** The thing asked for does not exist, or not in the caller's cooperative (which looks the same). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
