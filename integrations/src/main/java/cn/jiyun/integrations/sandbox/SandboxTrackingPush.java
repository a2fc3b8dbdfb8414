package cn.jiyun.integrations.sandbox;

import java.time.Instant;

/**
 * A push the sandbox's tracking aggregator sent to Jiyun's callback, and the answer it got.
 *
 * @param waybillNumber the waybill
 * @param state         the word of the newest scan pushed (揽收, 在途, 派件, 签收, 疑难, 退回, 退签)
 * @param status        Jiyun's HTTP status; 0 when it could not be reached
 * @param at            when it was sent
 */
public record SandboxTrackingPush(String waybillNumber, String state, int status, Instant at) {
}
