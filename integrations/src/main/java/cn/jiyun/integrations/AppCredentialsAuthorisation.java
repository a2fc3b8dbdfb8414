package cn.jiyun.integrations;

import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;

/**
 * A platform's way for a shop owner to authorise Jiyun by handing over the shop's own app credentials instead
 * of agreeing on a platform page (WeChat Channels' self-built app): the credentials are checked with the
 * platform at once, and the platform names the shop they belong to.
 */
public interface AppCredentialsAuthorisation {

    Platform platform();

    /**
     * Gets a token with the credentials and asks the platform which shop it is of.
     *
     * @throws AuthorisationRefusedException when the platform refuses the credentials (unknown appid, wrong secret,
     *                                       Jiyun's address not on the shop's whitelist)
     * @throws PlatformException             when the platform cannot be reached or answers what Jiyun cannot read
     */
    AuthorisedShop authorise(AppCredentials credentials);
}
