package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.store.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/**
 * Which producer makes a shop's SKU, and what one unit weighs and takes up packed: this is how an
 * order line becomes a parcel at a farm.
 */
@Entity
@Table(name = "sku_mapping")
public class SkuMapping extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(name = "shop_id", nullable = false, updatable = false)
    private Long shopId;

    @Column(name = "platform_sku", nullable = false, updatable = false)
    private String platformSku;

    @Column(name = "producer_id", nullable = false)
    private Long producerId;

    @Column(name = "product_name", nullable = false)
    private String productName;

    @Column(name = "unit_weight_grams", nullable = false)
    private int unitWeightGrams;

    @Column(name = "unit_volume_ml", nullable = false)
    private int unitVolumeMl;

    @Column(nullable = false)
    private boolean chilled;

    protected SkuMapping() {
    }

    public SkuMapping(Long cooperativeId, Long shopId, String platformSku, Long producerId, String productName,
                      int unitWeightGrams, int unitVolumeMl, boolean chilled) {
        this.cooperativeId = cooperativeId;
        this.shopId = shopId;
        this.platformSku = platformSku;
        update(producerId, productName, unitWeightGrams, unitVolumeMl, chilled);
    }

    public final void update(Long producerId, String productName, int unitWeightGrams, int unitVolumeMl,
                             boolean chilled) {
        this.producerId = producerId;
        this.productName = productName;
        this.unitWeightGrams = unitWeightGrams;
        this.unitVolumeMl = unitVolumeMl;
        this.chilled = chilled;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public Long shopId() {
        return shopId;
    }

    public String platformSku() {
        return platformSku;
    }

    public Long producerId() {
        return producerId;
    }

    public String productName() {
        return productName;
    }

    public int unitWeightGrams() {
        return unitWeightGrams;
    }

    public int unitVolumeMl() {
        return unitVolumeMl;
    }

    public boolean chilled() {
        return chilled;
    }
}
