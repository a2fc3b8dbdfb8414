package cn.jiyun.integrations.kuaishou;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code param} of {@code open.seller.order.goods.deliver}, exactly as the platform's FAQ
 * shows it: {@code {"orderId":…,"expressNo":"…","expressCode":9}} with the order id a number.
 */
@JsonPropertyOrder({"orderId", "expressNo", "expressCode"})
record KuaishouDeliverRequest(
        @JsonProperty("orderId") long orderId,
        @JsonProperty("expressNo") String expressNo,
        @JsonProperty("expressCode") int expressCode) {

    static final String METHOD = "open.seller.order.goods.deliver";
}
