package cn.jiyun.integrations.douyin;

/**
 * A pushed message reduced to what Jiyun does with it: synchronise the shop.
 *
 * @param shopId  the Douyin shop the message is about
 * @param orderId the parent order id ({@code p_id}), or empty when the message has none
 * @param event   what Douyin said happened, e.g. {@code ORDER_PAID}
 * @param msgId   Douyin's message id
 */
public record DouyinSyncHint(String shopId, String orderId, String event, String msgId) {
}
