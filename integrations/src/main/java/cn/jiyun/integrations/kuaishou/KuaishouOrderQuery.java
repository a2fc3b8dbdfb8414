package cn.jiyun.integrations.kuaishou;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code param} of {@code open.order.cursor.list}: one page of orders by update time, in the
 * field order of the platform's documented example (the signature covers the exact string sent).
 *
 * @param orderViewStatus 1 = every status
 * @param pageSize        orders per page
 * @param sort            1 (direction not documented; the SDK examples use 1)
 * @param queryType       2 = by update time
 * @param beginTime       window start, unix milliseconds
 * @param endTime         window end, unix milliseconds
 * @param cpsType         0 = normal and distribution orders
 * @param cursor          {@code ""} on the first page, then the cursor the previous page returned
 */
@JsonPropertyOrder({"orderViewStatus", "pageSize", "sort", "queryType", "beginTime", "endTime", "cpsType", "cursor"})
record KuaishouOrderQuery(
        @JsonProperty("orderViewStatus") int orderViewStatus,
        @JsonProperty("pageSize") int pageSize,
        @JsonProperty("sort") int sort,
        @JsonProperty("queryType") int queryType,
        @JsonProperty("beginTime") long beginTime,
        @JsonProperty("endTime") long endTime,
        @JsonProperty("cpsType") int cpsType,
        @JsonProperty("cursor") String cursor) {

    static final String METHOD = "open.order.cursor.list";

    static KuaishouOrderQuery byUpdateTime(long beginMillis, long endMillis, int pageSize, String cursor) {
        return new KuaishouOrderQuery(1, pageSize, 1, 2, beginMillis, endMillis, 0, cursor);
    }
}
