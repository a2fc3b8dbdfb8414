package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.Carrier;

import java.util.EnumMap;
import java.util.Map;

/**
 * Kuaishou's numeric {@code expressCode} for each of our carriers, from the platform's
 * 物流公司编号 table (README 2.6).
 */
public final class KuaishouCarrierCodes {

    private static final Map<Carrier, Integer> CODES = new EnumMap<>(Map.of(
            Carrier.EMS, 2,
            Carrier.STO, 3,
            Carrier.SF, 4,
            Carrier.YTO, 6,
            // 邮政快递包裹; 97 邮政标准快递 is the premium product, not what the hubs hand over
            Carrier.CHINA_POST, 8,
            Carrier.ZTO, 9,
            // 韵达快递 (11), not 韵达快运 (7), which is the freight line
            Carrier.YUNDA, 11,
            Carrier.JD, 14,
            // 德邦快递 (53) is the parcel service; 17 is 德邦 freight
            Carrier.DEPPON, 53,
            Carrier.JT, 109));

    /**
     * The e-waybill service's {@code expressCompanyCode}, a word, not the delivery's number (docs/platforms/e-waybills.md,
     * Kuaishou): "SF" was seen in an open ERP's call, the others follow the carriers' own abbreviations (low confidence).
     */
    private static final Map<Carrier, String> EBILL_CODES = new EnumMap<>(Map.of(
            Carrier.EMS, "EMS",
            Carrier.STO, "STO",
            Carrier.SF, "SF",
            Carrier.YTO, "YTO",
            Carrier.CHINA_POST, "POSTB",
            Carrier.ZTO, "ZTO",
            Carrier.YUNDA, "YUNDA",
            Carrier.JD, "JD",
            Carrier.DEPPON, "DBKD",
            Carrier.JT, "JT"));

    static {
        if (CODES.size() != Carrier.values().length || EBILL_CODES.size() != Carrier.values().length) {
            throw new ExceptionInInitializerError("a Carrier has no Kuaishou expressCode or e-waybill company code");
        }
    }

    private KuaishouCarrierCodes() {
    }

    public static int expressCode(Carrier carrier) {
        return CODES.get(carrier);
    }

    /** The {@code expressCompanyCode} of {@code open.express.ebill.get} and {@code .cancel}. */
    public static String eBillCompanyCode(Carrier carrier) {
        return EBILL_CODES.get(carrier);
    }
}
