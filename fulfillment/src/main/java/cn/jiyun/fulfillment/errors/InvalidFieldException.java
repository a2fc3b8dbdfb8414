package cn.jiyun.fulfillment.errors;

/** A field of the request has a value the domain refuses (an unknown reference, a producer outside the area...). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
