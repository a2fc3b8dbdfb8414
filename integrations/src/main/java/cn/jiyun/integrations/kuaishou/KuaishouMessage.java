package cn.jiyun.integrations.kuaishou;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A decrypted Kuaishou push message (README 2.8). It is only a hint that an order of the seller
 * changed; {@code info} is itself a JSON string with the event body.
 *
 * @param eventId    the platform's unique message id, used to drop redeliveries
 * @param bizId      the order id the event concerns
 * @param userId     the seller's id, Jiyun's Kuaishou shop id
 * @param openId     the seller's open id, tried as the shop id when {@code userId} is unknown
 * @param appKey     the app the message was meant for
 * @param event      e.g. {@code kwaishop_order_paySuccess}
 * @param info       the event body as a JSON string
 * @param createTime unix milliseconds
 * @param test       true for the console's connectivity checks
 * @param msgId      a second id seen in the wild, used when {@code eventId} is missing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KuaishouMessage(
        @JsonProperty("eventId") String eventId,
        @JsonProperty("bizId") String bizId,
        @JsonProperty("userId") String userId,
        @JsonProperty("openId") String openId,
        @JsonProperty("appKey") String appKey,
        @JsonProperty("event") String event,
        @JsonProperty("info") String info,
        @JsonProperty("createTime") Long createTime,
        @JsonProperty("test") Boolean test,
        @JsonProperty("msgId") String msgId) {

    boolean connectivityTest() {
        return Boolean.TRUE.equals(test);
    }
}
