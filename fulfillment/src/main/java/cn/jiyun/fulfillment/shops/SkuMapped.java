package cn.jiyun.fulfillment.shops;

/** A shop's SKU now has a producer; orders that waited for it can go on. */
public record SkuMapped(Long shopId, String platformSku, String actor) {
}
