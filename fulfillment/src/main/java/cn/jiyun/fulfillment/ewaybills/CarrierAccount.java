package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A cooperative's contract with an express carrier as one platform's e-waybill service knows it: the branch
 * (网点), the account or subscription id, the secret some carriers want (kept encrypted), and the sender the
 * labels print. One per cooperative, platform and carrier.
 */
@Entity
@Table(name = "ewaybill_account")
public class CarrierAccount {

    /** Who sends: printed on the label and sent in clear to the platform. */
    public record Sender(String name, String mobile, String province, String city, String district, String detail) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Carrier carrier;

    @Column(name = "branch_code", nullable = false)
    private String branchCode;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "secret_cipher")
    private String secretCipher;

    @Column(name = "sender_name", nullable = false)
    private String senderName;

    @Column(name = "sender_mobile", nullable = false)
    private String senderMobile;

    @Column(name = "sender_province", nullable = false)
    private String senderProvince;

    @Column(name = "sender_city", nullable = false)
    private String senderCity;

    @Column(name = "sender_district", nullable = false)
    private String senderDistrict;

    @Column(name = "sender_detail", nullable = false)
    private String senderDetail;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CarrierAccount() {
    }

    CarrierAccount(Long cooperativeId, Platform platform, Carrier carrier, Instant now) {
        this.cooperativeId = cooperativeId;
        this.platform = platform;
        this.carrier = carrier;
        this.createdAt = now;
        this.active = true;
    }

    /** New contract details; {@code secretCipher} {@code null} keeps the stored secret. */
    void update(String branchCode, String accountId, String secretCipher, Sender sender, boolean active, Instant now) {
        this.branchCode = branchCode;
        this.accountId = accountId;
        if (secretCipher != null) {
            this.secretCipher = secretCipher.isEmpty() ? null : secretCipher;
        }
        this.senderName = sender.name();
        this.senderMobile = sender.mobile();
        this.senderProvince = sender.province();
        this.senderCity = sender.city();
        this.senderDistrict = sender.district();
        this.senderDetail = sender.detail();
        this.active = active;
        this.updatedAt = now;
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

    public Carrier carrier() {
        return carrier;
    }

    public String branchCode() {
        return branchCode;
    }

    public String accountId() {
        return accountId;
    }

    String secretCipher() {
        return secretCipher;
    }

    /** Whether a secret is stored; the secret itself is never shown. */
    public boolean hasSecret() {
        return secretCipher != null;
    }

    public Sender sender() {
        return new Sender(senderName, senderMobile, senderProvince, senderCity, senderDistrict, senderDetail);
    }

    public boolean active() {
        return active;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
