package cn.jiyun.integrations.sync;

/** A push that is not provably from the platform for our app: bad signature, undecryptable, or another app's. */
public class PushRefusedException extends RuntimeException {

    public PushRefusedException(String message) {
        super(message);
    }
}
