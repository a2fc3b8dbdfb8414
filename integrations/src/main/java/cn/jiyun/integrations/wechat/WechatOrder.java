package cn.jiyun.integrations.wechat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The {@code order} of {@code POST /channels/ec/order/get} (README 3.3), only the fields Jiyun reads.
 * Buyer name, phone and street are deliberately not mapped: only province and city leave this package.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WechatOrder(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("status") Integer status,
        @JsonProperty("create_time") Long createTime,
        @JsonProperty("update_time") Long updateTime,
        @JsonProperty("order_detail") OrderDetail orderDetail) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderDetail(
            @JsonProperty("product_infos") List<ProductInfo> productInfos,
            @JsonProperty("pay_info") PayInfo payInfo,
            @JsonProperty("price_info") PriceInfo priceInfo,
            @JsonProperty("delivery_info") DeliveryInfo deliveryInfo) {
    }

    /** One ordered SKU; {@code real_price} is what the buyer paid for the line, in fen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductInfo(
            @JsonProperty("product_id") String productId,
            @JsonProperty("sku_id") String skuId,
            @JsonProperty("title") String title,
            @JsonProperty("sku_cnt") Integer skuCnt,
            @JsonProperty("sale_price") Long salePrice,
            @JsonProperty("real_price") Long realPrice,
            @JsonProperty("sku_code") String skuCode,
            @JsonProperty("out_sku_id") String outSkuId,
            @JsonProperty("finish_aftersale_sku_cnt") Integer finishAftersaleSkuCnt,
            @JsonProperty("delivery_deadline") Long deliveryDeadline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PayInfo(@JsonProperty("pay_time") Long payTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PriceInfo(
            @JsonProperty("product_price") Long productPrice,
            @JsonProperty("order_price") Long orderPrice,
            @JsonProperty("freight") Long freight) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryInfo(
            @JsonProperty("address_info") AddressInfo addressInfo,
            @JsonProperty("delivery_product_info") List<DeliveryProductInfo> deliveryProductInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddressInfo(
            @JsonProperty("province_name") String provinceName,
            @JsonProperty("city_name") String cityName) {
    }

    /** A package the platform already knows of. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryProductInfo(
            @JsonProperty("waybill_id") String waybillId,
            @JsonProperty("delivery_id") String deliveryId) {
    }

    List<ProductInfo> products() {
        return orderDetail == null || orderDetail.productInfos() == null ? List.of() : orderDetail.productInfos();
    }

    /** True when the platform already lists this waybill among the order's packages. */
    boolean hasWaybill(String waybillId) {
        if (orderDetail == null || orderDetail.deliveryInfo() == null
                || orderDetail.deliveryInfo().deliveryProductInfo() == null) {
            return false;
        }
        return orderDetail.deliveryInfo().deliveryProductInfo().stream()
                .anyMatch(p -> p != null && waybillId.equals(p.waybillId()));
    }
}
