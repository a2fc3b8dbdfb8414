package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;

import java.time.Instant;

/**
 * A ship-confirm call a sandbox platform accepted, as the platform recorded it.
 *
 * @param platform      where it was sent
 * @param shopId        the shop whose token sent it
 * @param orderId       the order shipped
 * @param carrierCode   the carrier in the platform's own code ({@code zhongtong}, {@code 9}, {@code ZTO})
 * @param waybillNumber the tracking number
 * @param at            when it arrived
 * @param repeated      true when the order already carried this waybill (a retry the platform took as success)
 */
public record SandboxWriteBack(Platform platform, String shopId, String orderId, String carrierCode,
                               String waybillNumber, Instant at, boolean repeated) {
}
