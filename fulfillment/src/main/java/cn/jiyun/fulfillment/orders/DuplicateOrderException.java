package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.errors.ConflictException;

/** The platform order is already stored for this shop. */
public class DuplicateOrderException extends ConflictException {

    public DuplicateOrderException(String message) {
        super(message);
    }
}
