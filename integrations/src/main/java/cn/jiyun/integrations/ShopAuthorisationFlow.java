package cn.jiyun.integrations;

import java.net.URI;

/**
 * A platform's own way for a seller to authorise Jiyun: the page the seller is sent to, and the
 * exchange of the code the platform hands back for the shop's tokens.
 */
public interface ShopAuthorisationFlow {

    Platform platform();

    /** The platform's authorise page, which sends the browser back to {@code redirectUri} with a code and {@code state}. */
    URI authorisePage(String redirectUri, String state);

    /**
     * Exchanges the code for the shop's tokens and learns which shop granted them.
     *
     * @throws AuthorisationRefusedException when the platform refuses the code (expired, used, unknown)
     * @throws PlatformException when the platform cannot be reached or answers what Jiyun cannot read
     */
    AuthorisedShop exchange(String code, String redirectUri);

    /** The shop that authorised Jiyun, as the platform names it, with the tokens it granted. */
    record AuthorisedShop(String shopId, String name, TokenGrant grant) {
        @Override
        public String toString() {
            return "AuthorisedShop[" + shopId + ", " + name + ", tokens hidden]";
        }
    }
}
