package cn.jiyun.integrations.kuaishou;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The {@code data} of an {@code open.order.cursor.list} answer. Orders stay JSON trees here so
 * each one is mapped (or dead-lettered) on its own with its raw text kept.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KuaishouOrderPage(
        @JsonProperty("cursor") String cursor,
        @JsonProperty("pageSize") Integer pageSize,
        @JsonProperty("beginTime") Long beginTime,
        @JsonProperty("endTime") Long endTime,
        @JsonProperty("orderList") List<JsonNode> orderList) {

    /** Spelled as one ERP stub has it; the README could not confirm the sentinel, so both are honoured. */
    private static final List<String> LAST_PAGE_SENTINELS = List.of("nomore", "no");

    KuaishouOrderPage {
        orderList = orderList == null ? List.of() : List.copyOf(orderList);
    }

    /** True when no further page should be asked for. */
    boolean last() {
        return orderList.isEmpty() || cursor == null || cursor.isBlank()
                || LAST_PAGE_SENTINELS.contains(cursor.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
