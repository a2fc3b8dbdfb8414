package cn.jiyun.integrations;

/** The platform no longer accepts the shop's authorisation; a person must re-authorise the shop. */
public class AuthorisationRevokedException extends PlatformException {

    private final String shopId;

    public AuthorisationRevokedException(Platform platform, String shopId, String platformCode, String message) {
        super(platform, platformCode, message, false);
        this.shopId = shopId;
    }

    public String shopId() {
        return shopId;
    }
}
