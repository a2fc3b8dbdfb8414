package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.shops.SkuMapping;

/** A SKU mapping as the API shows it. */
public record SkuMappingView(Long id, Long shopId, String platformSku, Long producerId, String productName,
                             int unitWeightGrams, int unitVolumeMl, boolean chilled) {

    static SkuMappingView of(SkuMapping m) {
        return new SkuMappingView(m.id(), m.shopId(), m.platformSku(), m.producerId(), m.productName(),
                m.unitWeightGrams(), m.unitVolumeMl(), m.chilled());
    }
}
