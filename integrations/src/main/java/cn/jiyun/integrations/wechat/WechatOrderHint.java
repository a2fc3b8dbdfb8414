package cn.jiyun.integrations.wechat;

/**
 * A WeChat push saying an order changed. Only a hint: the shop's sync fetches and stores the order.
 *
 * @param messageId  WeChat's message id, or {@code ToUserName:Event:order_id:CreateTime} when it sends none
 * @param toUserName the shop's original id ({@code gh_…}) the push was addressed to
 * @param event      e.g. {@code channels_ec_order_pay}
 * @param orderId    the order concerned, empty for events that name none
 * @param message    the decrypted push, for the dead letter should the sync fail
 */
public record WechatOrderHint(String messageId, String toUserName, String event, String orderId, String message) {
}
