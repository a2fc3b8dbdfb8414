package cn.jiyun.fulfillment;

import java.time.ZoneId;

/** The one zone Jiyun's people live in: days, shifts and cut-offs are Asia/Shanghai local time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
