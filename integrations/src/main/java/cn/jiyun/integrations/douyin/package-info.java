/**
 * Brings Douyin Shop (抖店) orders into Jiyun and writes waybills back to Douyin.
 *
 * <p>Only what is Douyin's own: the {@code param_json} signer ({@link cn.jiyun.integrations.douyin.DouyinSigner}),
 * the client with its envelope, error codes and token refresh, the wire records, the mapper (the only code
 * that reads Douyin's order format), the carrier words, and the {@code event-sign} webhook
 * ({@link cn.jiyun.integrations.douyin.DouyinPushReader}). Douyin's {@code event-sign} covers the body only and
 * the body carries no time of sending, so a Douyin push has no freshness window: a replay is dropped by its
 * {@code msg_id}, which the message store keeps, and a push only prompts a fetch of its shop in any case. Section 1 of {@code shared/platforms/README.md}
 * describes the wire format. The flows, the error policy and the windowed sync are the skeleton's
 * ({@link cn.jiyun.integrations.sync}); Douyin uses its common defaults: one-hour windows, 100 orders a page.
 */
package cn.jiyun.integrations.douyin;
