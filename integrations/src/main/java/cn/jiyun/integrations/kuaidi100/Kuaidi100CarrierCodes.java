package cn.jiyun.integrations.kuaidi100;

import cn.jiyun.integrations.Carrier;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Kuaidi100's company codes (快递公司编码, lower case) for the carriers Jiyun hands parcels to. */
public final class Kuaidi100CarrierCodes {

    private static final Map<Carrier, String> CODES = new EnumMap<>(Map.of(
            Carrier.ZTO, "zhongtong",
            Carrier.YTO, "yuantong",
            Carrier.STO, "shentong",
            Carrier.YUNDA, "yunda",
            Carrier.SF, "shunfeng",
            Carrier.EMS, "ems",
            Carrier.JD, "jd",
            Carrier.JT, "jtexpress",
            Carrier.DEPPON, "debangkuaidi",
            Carrier.CHINA_POST, "youzhengguonei"));

    private Kuaidi100CarrierCodes() {
    }

    public static String codeOf(Carrier carrier) {
        return CODES.get(carrier);
    }

    public static Optional<Carrier> carrierOf(String code) {
        return CODES.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(code)).map(Map.Entry::getKey)
                .findFirst();
    }
}
