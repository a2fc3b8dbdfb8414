package cn.jiyun.integrations;

/**
 * A cooperative's contract with a carrier as one platform knows it: the branch (网点) code, the account or
 * subscription id the platform issued, and, for the carriers that want one, the account's secret in clear.
 */
public record EWaybillAccount(Carrier carrier, String branchCode, String accountId, String secret) {

    @Override
    public String toString() {
        return "EWaybillAccount[" + carrier + ", branch " + branchCode + ", account " + accountId + "]";
    }
}
