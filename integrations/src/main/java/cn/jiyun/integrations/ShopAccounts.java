package cn.jiyun.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shops connectors act for, their tokens and sync cursors; implemented by the fulfillment service. */
public interface ShopAccounts {

    /** Shops of this platform that are authorised and should be kept in sync. */
    List<ShopAccount> activeShops(Platform platform);

    Optional<ShopAccount> find(Platform platform, String shopId);

    /** Stores refreshed tokens in one transaction (the old refresh token may already be dead). */
    void tokensRefreshed(Platform platform, String shopId, TokenGrant grant);

    /** The platform says the seller withdrew or the authorisation is gone: a person must re-authorise. */
    void authorisationRevoked(Platform platform, String shopId, String reason);

    /** Every order updated up to {@code cursor} is committed; the next sync starts from there. */
    void advanceSyncCursor(Platform platform, String shopId, Instant cursor);
}
