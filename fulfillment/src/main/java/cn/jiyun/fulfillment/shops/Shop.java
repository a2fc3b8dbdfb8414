package cn.jiyun.fulfillment.shops;

import cn.jiyun.integrations.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;

/** A seller account on a platform, identified by the platform and the platform's shop id. */
@Entity
@Table(name = "shop")
public class Shop {

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

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Shop() {
    }

    public Shop(Long cooperativeId, Platform platform, String platformShopId, String name, Long sellerUserId) {
        this.cooperativeId = cooperativeId;
        this.platform = platform;
        this.platformShopId = platformShopId;
        this.name = name;
        this.sellerUserId = sellerUserId;
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
}
