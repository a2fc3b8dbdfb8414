/**
 * Brings WeChat Channels Shop (视频号小店) orders into Jiyun and writes waybills back.
 *
 * <p>Only what is WeChat's own: the app access token ({@link cn.jiyun.integrations.wechat.WechatAccessTokens}),
 * the client ({@link cn.jiyun.integrations.wechat.WechatApiClient}) with its {@code errcode}s, the wire records,
 * the mapper ({@link cn.jiyun.integrations.wechat.WechatOrderMapper}, the only code that reads WeChat's order
 * format), the carrier ids, and the push cipher and reader ({@link cn.jiyun.integrations.wechat.WechatMessageCrypto},
 * {@link cn.jiyun.integrations.wechat.WechatPushReader}) with the URL verification. WeChat lists only order
 * ids, so each order costs an {@code order/get}, a few at once ({@code detail-calls}). A push names the shop
 * by its original id, which Jiyun may not know it by: then every active shop is synchronised. A push whose
 * signed {@code timestamp} lies more than five minutes from the service's clock is refused as a replay. The flows, the
 * error policy and the windowed sync are the skeleton's ({@link cn.jiyun.integrations.sync}).
 */
package cn.jiyun.integrations.wechat;
