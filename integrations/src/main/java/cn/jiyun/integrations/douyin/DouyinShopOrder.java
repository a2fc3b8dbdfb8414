package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One shop (parent) order as {@code order.searchList} and {@code order.orderDetail} return it
 * (README 1.5), reduced to what Jiyun maps. Receiver names, phones and street addresses are left
 * out on purpose; only province and city are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DouyinShopOrder(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("shop_id") String shopId,
        @JsonProperty("order_status") Integer orderStatus,
        @JsonProperty("order_status_desc") String orderStatusDesc,
        @JsonProperty("create_time") Long createTime,
        @JsonProperty("update_time") Long updateTime,
        @JsonProperty("pay_time") Long payTime,
        @JsonProperty("exp_ship_time") Long expShipTime,
        @JsonProperty("order_amount") Long orderAmount,
        @JsonProperty("pay_amount") Long payAmount,
        @JsonProperty("post_amount") Long postAmount,
        @JsonProperty("post_addr") PostAddr postAddr,
        @JsonProperty("logistics_info") List<LogisticsInfo> logisticsInfo,
        @JsonProperty("sku_order_list") List<DouyinSkuOrder> skuOrderList) {

    public DouyinShopOrder {
        logisticsInfo = logisticsInfo == null ? List.of() : logisticsInfo.stream().filter(java.util.Objects::nonNull).toList();
        skuOrderList = skuOrderList == null ? List.of() : skuOrderList.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** {@code post_addr}: only the region parts Jiyun may keep. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostAddr(@JsonProperty("province") Region province, @JsonProperty("city") Region city) {
    }

    /** A {@code {name, id}} pair of {@code post_addr}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Region(@JsonProperty("name") String name, @JsonProperty("id") String id) {
    }

    /** One shipped package of {@code logistics_info[]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LogisticsInfo(@JsonProperty("tracking_no") String trackingNo,
                         @JsonProperty("company") String company,
                         @JsonProperty("company_name") String companyName,
                         @JsonProperty("ship_time") Long shipTime) {
    }
}
