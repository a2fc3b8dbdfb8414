package cn.jiyun.integrations.kuaishou;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One element of {@code orderList}: a Kuaishou order, which is always exactly one product line
 * (gifts are orders of their own). Only what Jiyun uses is bound; ids are strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KuaishouOrder(
        @JsonProperty("orderBaseInfo") OrderBaseInfo orderBaseInfo,
        @JsonProperty("orderItemInfo") OrderItemInfo orderItemInfo,
        @JsonProperty("orderAddress") OrderAddress orderAddress,
        @JsonProperty("orderLogisticsInfo") List<OrderLogisticsInfo> orderLogisticsInfo) {

    /** Times are unix milliseconds, money is fen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderBaseInfo(
            @JsonProperty("oid") String oid,
            @JsonProperty("status") Integer status,
            @JsonProperty("createTime") Long createTime,
            @JsonProperty("payTime") Long payTime,
            @JsonProperty("updateTime") Long updateTime,
            @JsonProperty("totalFee") Long totalFee,
            @JsonProperty("expressFee") Long expressFee,
            @JsonProperty("promiseTimeStampOfDelivery") Long promiseTimeStampOfDelivery,
            @JsonProperty("validPromiseShipmentTimeStamp") Long validPromiseShipmentTimeStamp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderItemInfo(
            @JsonProperty("orderItemId") String orderItemId,
            @JsonProperty("itemId") String itemId,
            @JsonProperty("skuId") String skuId,
            @JsonProperty("relSkuId") String relSkuId,
            @JsonProperty("skuNick") String skuNick,
            @JsonProperty("itemTitle") String itemTitle,
            @JsonProperty("num") Integer num,
            @JsonProperty("price") Long price) {
    }

    /** Only the region is bound: names, phones and street addresses stay out of Jiyun. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderAddress(
            @JsonProperty("province") String province,
            @JsonProperty("city") String city) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderLogisticsInfo(
            @JsonProperty("logisticsId") String logisticsId,
            @JsonProperty("expressNo") String expressNo,
            @JsonProperty("expressCode") Integer expressCode) {
    }
}
