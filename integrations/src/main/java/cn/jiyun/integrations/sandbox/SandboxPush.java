package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;

import java.time.Instant;

/**
 * A message a sandbox platform pushed to Jiyun's webhook, and how Jiyun answered.
 *
 * @param platform the platform that pushed
 * @param event    the platform's name for it ({@code 101}, {@code kwaishop_order_paySuccess}, {@code channels_ec_order_pay} …)
 * @param orderId  the order it concerns
 * @param status   Jiyun's HTTP status; 0 when Jiyun could not be reached
 * @param answer   Jiyun's answer body, or why there was none
 * @param at       when it was pushed
 */
public record SandboxPush(Platform platform, String event, String orderId, int status, String answer, Instant at) {

    /** True when Jiyun answered as the platform requires for a received message (README 1.9, 2.8, 3.6). */
    public boolean acknowledged() {
        String body = answer.replace(" ", "");
        return status == 200 && switch (platform) {
            case DOUYIN -> body.contains("\"code\":0");
            case KUAISHOU -> body.contains("\"result\":1");
            case WECHAT -> body.equals("success");
            default -> false;
        };
    }
}
