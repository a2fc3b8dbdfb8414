/**
 * Brings Douyin Shop (抖店) orders into Jiyun and writes waybills back to Douyin.
 *
 * <p>Speaks the open platform's wire format as described in section 1 of
 * {@code shared/platforms/README.md}: signed {@code param_json} calls, {@code order.searchList}
 * polling in overlapping {@code update_time} windows, {@code order.logisticsAdd} for the waybill
 * and the {@code event-sign} webhook, which is only ever a hint to poll the shop again.
 */
package cn.jiyun.integrations.douyin;
