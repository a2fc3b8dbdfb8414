package cn.jiyun.integrations;

/** The platform refused to turn an authorisation code into tokens: nothing is to be stored. */
public class AuthorisationRefusedException extends RuntimeException {

    private final Platform platform;
    private final String code;

    public AuthorisationRefusedException(Platform platform, String code, String message) {
        super(message);
        this.platform = platform;
        this.code = code;
    }

    public Platform platform() {
        return platform;
    }

    /** The platform's own error code or word. */
    public String code() {
        return code;
    }
}
