package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.Platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The e-waybill accounts the sandbox's platforms know: one per carrier per platform, each at the carrier's branch
 * (网点) in the demo county, in the form that platform issues (Douyin: a monthly account with its secret; Kuaishou:
 * a customer code, 客户编码; WeChat: a numeric {@code ewaybill_acct_id}). Fulfillment's demo data gives a cooperative
 * these, {@link #of(Platform, Carrier)}; any other account is refused as the platform refuses an unknown one.
 */
public final class SandboxEWaybillAccounts {

    /** The carriers the demo county's branches serve, with their branch codes. */
    public static final Map<Carrier, String> BRANCHES = Map.of(
            Carrier.ZTO, "640521", Carrier.YTO, "640522", Carrier.STO, "640523",
            Carrier.YUNDA, "640524", Carrier.JT, "640525", Carrier.EMS, "640526");

    private SandboxEWaybillAccounts() {
    }

    /** The account the sandbox's platform knows for this carrier. */
    public static EWaybillAccount of(Platform platform, Carrier carrier) {
        String branch = BRANCHES.get(carrier);
        if (branch == null) {
            throw new IllegalArgumentException("the sandbox's branches do not serve " + carrier);
        }
        return switch (platform) {
            case DOUYIN -> new EWaybillAccount(carrier, branch, "DY" + branch, "dy-secret-" + branch);
            case KUAISHOU -> new EWaybillAccount(carrier, branch, "KS" + branch, null);
            case WECHAT -> new EWaybillAccount(carrier, branch, "66" + branch + "01", null);
            default -> throw new IllegalArgumentException("the sandbox issues no e-waybills on " + platform);
        };
    }

    /** Every account the platform knows, one per carrier. */
    public static List<EWaybillAccount> of(Platform platform) {
        return BRANCHES.keySet().stream().sorted().map(carrier -> of(platform, carrier)).toList();
    }

    /** Whether the platform knows this account: the carrier served, the branch and account id (and secret) its own. */
    static boolean knows(Platform platform, Carrier carrier, String branch, String accountId, String secret) {
        if (carrier == null || !BRANCHES.containsKey(carrier)) {
            return false;
        }
        EWaybillAccount known = of(platform, carrier);
        return known.branchCode().equals(branch) && known.accountId().equals(accountId)
                && (known.secret() == null || Objects.equals(known.secret(), secret));
    }
}
