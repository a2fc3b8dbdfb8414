package cn.jiyun.fulfillment.shops;

import cn.jiyun.integrations.Platform;
import cn.jiyun.fulfillment.store.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A seller account on a platform, identified by the platform and the platform's shop id. */
@Entity
@Table(name = "shop")
public class Shop extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Platform platform;

    @Column(name = "platform_shop_id", nullable = false, updatable = false)
    private String platformShopId;

    @Column(nullable = false)
    private String name;

    /** The seller who may see this shop's orders; none when the cooperative sells itself. */
    @Column(name = "seller_user_id")
    private Long sellerUserId;

    /** Encrypted with {@link TokenCipher}; never leaves the service in clear. */
    @Column(name = "access_token_enc")
    private String accessTokenEncrypted;

    @Column(name = "refresh_token_enc")
    private String refreshTokenEncrypted;

    /** The shop's own app (WeChat's self-built app), both encrypted with {@link TokenCipher}; none for most shops. */
    @Column(name = "app_id_enc")
    private String appIdEncrypted;

    @Column(name = "app_secret_enc")
    private String appSecretEncrypted;

    @Column(name = "access_token_expires_at")
    private Instant accessTokenExpiresAt;

    @Column(name = "refresh_token_expires_at")
    private Instant refreshTokenExpiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Authorisation authorisation = Authorisation.ACTIVE;

    @Column(name = "authorisation_problem")
    private String authorisationProblem;

    // the sync's own bookkeeping, written by Shops.advanceSyncCursor alone: an admin's change of the shop never
    // writes it back stale, and a sync never bumps the version an admin's change is checked against
    @Column(name = "sync_cursor", insertable = false, updatable = false)
    private Instant syncCursor;

    @Column(name = "last_synced_at", insertable = false, updatable = false)
    private Instant lastSyncedAt;

    protected Shop() {
    }

    public Shop(Long cooperativeId, Platform platform, String platformShopId, String name, Long sellerUserId) {
        this.cooperativeId = cooperativeId;
        this.platform = platform;
        this.platformShopId = platformShopId;
        this.name = name;
        this.sellerUserId = sellerUserId;
    }

    /** Whether Jiyun may act for the shop on its platform. */
    public enum Authorisation {
        ACTIVE,
        /** The platform refused the shop's tokens: the seller must authorise Jiyun again. */
        NEEDS_REAUTHORISATION
    }

    /** Stores newly granted (encrypted) tokens; the shop is active again. */
    public void authorise(String accessTokenEncrypted, String refreshTokenEncrypted, Instant accessTokenExpiresAt,
                          Instant refreshTokenExpiresAt) {
        this.accessTokenEncrypted = accessTokenEncrypted;
        if (refreshTokenEncrypted != null) {
            this.refreshTokenEncrypted = refreshTokenEncrypted;
        }
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        if (refreshTokenExpiresAt != null) {
            this.refreshTokenExpiresAt = refreshTokenExpiresAt;
        }
        this.authorisation = Authorisation.ACTIVE;
        this.authorisationProblem = null;
    }

    /** The (encrypted) credentials of the shop's own app, which its calls use from now on. */
    public void useOwnApp(String appIdEncrypted, String appSecretEncrypted) {
        this.appIdEncrypted = appIdEncrypted;
        this.appSecretEncrypted = appSecretEncrypted;
    }

    public void authorisationRevoked(String problem) {
        this.authorisation = Authorisation.NEEDS_REAUTHORISATION;
        this.authorisationProblem = problem;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void assignSeller(Long sellerUserId) {
        this.sellerUserId = sellerUserId;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public Platform platform() {
        return platform;
    }

    public String platformShopId() {
        return platformShopId;
    }

    public String name() {
        return name;
    }

    public Long sellerUserId() {
        return sellerUserId;
    }

    public String accessTokenEncrypted() {
        return accessTokenEncrypted;
    }

    public String refreshTokenEncrypted() {
        return refreshTokenEncrypted;
    }

    public String appIdEncrypted() {
        return appIdEncrypted;
    }

    public String appSecretEncrypted() {
        return appSecretEncrypted;
    }

    public Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    public Instant refreshTokenExpiresAt() {
        return refreshTokenExpiresAt;
    }

    public Authorisation authorisation() {
        return authorisation;
    }

    public String authorisationProblem() {
        return authorisationProblem;
    }

    public Instant syncCursor() {
        return syncCursor;
    }

    public Instant lastSyncedAt() {
        return lastSyncedAt;
    }
}
