package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Carrier;

import java.util.EnumMap;
import java.util.Map;

/**
 * Jiyun's carriers as Douyin's {@code company_code} words (README 1.7). The first seven are the
 * defaults the official SDK lists; {@code ems}, {@code youzhengguonei} and {@code debangkuaidi}
 * are only commonly seen, so configuration may override any of them with what
 * {@code order.logisticsCompanyList} returns.
 */
public class DouyinCarrierCodes {

    private static final Map<Carrier, String> SDK_DEFAULTS = Map.of(
            Carrier.ZTO, "zhongtong",
            Carrier.YTO, "yuantong",
            Carrier.STO, "shentong",
            Carrier.YUNDA, "yunda",
            Carrier.SF, "shunfeng",
            Carrier.JD, "jd",
            Carrier.JT, "jtexpress",
            Carrier.EMS, "ems",
            Carrier.CHINA_POST, "youzhengguonei",
            Carrier.DEPPON, "debangkuaidi");

    private final Map<Carrier, String> codes = new EnumMap<>(Carrier.class);

    public DouyinCarrierCodes(Map<Carrier, String> overrides) {
        codes.putAll(SDK_DEFAULTS);
        codes.putAll(overrides);
    }

    /** The {@code company_code} Douyin expects for this carrier. */
    public String companyCode(Carrier carrier) {
        String code = codes.get(carrier);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("no Douyin company_code for " + carrier
                    + "; set jiyun.platforms.douyin.carrier-codes." + carrier);
        }
        return code;
    }
}
