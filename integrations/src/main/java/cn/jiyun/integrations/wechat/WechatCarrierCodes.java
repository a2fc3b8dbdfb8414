package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;

import java.util.EnumMap;
import java.util.Map;

/**
 * Jiyun's carriers as WeChat's {@code delivery_id}s (README 3.5). Only {@code YD} appears in WeChat's own
 * examples; the rest follow the family the README lists at low confidence, so each can be overridden with
 * {@code jiyun.platforms.wechat.carrier-codes.<CARRIER>} once checked against
 * {@code order/deliverycompanylist/get}.
 */
public class WechatCarrierCodes {

    private static final Map<Carrier, String> DEFAULTS = Map.of(
            Carrier.ZTO, "ZTO",
            Carrier.YTO, "YTO",
            Carrier.STO, "STO",
            Carrier.YUNDA, "YD",
            Carrier.SF, "SF",
            Carrier.EMS, "EMS",
            Carrier.JD, "JD",
            Carrier.JT, "JTSD",
            Carrier.DEPPON, "DBL",
            Carrier.CHINA_POST, "YZPY");

    private final Map<Carrier, String> codes = new EnumMap<>(DEFAULTS);

    public WechatCarrierCodes(Map<Carrier, String> overrides) {
        overrides.forEach((carrier, code) -> {
            if (code != null && !code.isBlank()) {
                codes.put(carrier, code.trim());
            }
        });
    }

    /** The {@code delivery_id} WeChat knows this carrier by. */
    public String deliveryId(Carrier carrier) {
        String code = codes.get(carrier);
        if (code == null) {
            throw new PlatformException(Platform.WECHAT, "no delivery_id",
                    "no WeChat delivery_id configured for " + carrier, false);
        }
        return code;
    }
}
