package cn.jiyun.integrations.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The {@code data} of {@code order.searchList} (README 1.5). Orders stay JSON trees so each can
 * be mapped, or dead-lettered with its raw text, on its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DouyinOrderPage(
        @JsonProperty("page") long page,
        @JsonProperty("size") long size,
        @JsonProperty("total") long total,
        @JsonProperty("shop_order_list") List<JsonNode> shopOrderList) {

    DouyinOrderPage {
        shopOrderList = shopOrderList == null ? List.of() : shopOrderList;
    }

    /** README 1.5: keep paging until {@code (page+1)*size >= total}. */
    boolean isLast(int requestedSize) {
        return shopOrderList.isEmpty() || (page + 1) * (long) requestedSize >= total;
    }
}
