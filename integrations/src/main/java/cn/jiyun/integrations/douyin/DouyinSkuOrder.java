package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code sku_order_list[]} element (a sub-order) of a Douyin shop order, README 1.5. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DouyinSkuOrder(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("parent_order_id") String parentOrderId,
        @JsonProperty("order_status") Integer orderStatus,
        @JsonProperty("product_id_str") String productIdStr,
        @JsonProperty("sku_id") String skuId,
        @JsonProperty("out_sku_id") String outSkuId,
        @JsonProperty("code") String code,
        @JsonProperty("product_name") String productName,
        @JsonProperty("item_num") Integer itemNum,
        @JsonProperty("origin_amount") Long originAmount,
        @JsonProperty("sum_amount") Long sumAmount,
        @JsonProperty("pay_amount") Long payAmount,
        @JsonProperty("exp_ship_time") Long expShipTime) {
}
