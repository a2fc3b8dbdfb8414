/**
 * Brings WeChat Channels Shop (视频号小店) orders into Jiyun and writes waybills back.
 *
 * <p>{@link cn.jiyun.integrations.wechat.WechatConnector} pulls order ids by update-time window and each
 * order's detail through {@link cn.jiyun.integrations.wechat.WechatApiClient}, maps them with
 * {@link cn.jiyun.integrations.wechat.WechatOrderMapper} and ships with {@code order/delivery/send};
 * {@link cn.jiyun.integrations.wechat.WechatRoutes} polls, takes webhook hints verified by
 * {@link cn.jiyun.integrations.wechat.WechatMessageCrypto}, and offers {@code direct:wechat-sync-shop}.
 * Nothing WeChat-specific leaves this package.
 */
package cn.jiyun.integrations.wechat;
