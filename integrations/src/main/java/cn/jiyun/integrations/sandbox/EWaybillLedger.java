package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.SandboxOrder.State;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The e-waybills the sandbox's platforms took, in memory, platform-neutral: each platform's API reads its request
 * into {@link #take} and renders the outcome in its own wire format. Taking is idempotent on the platform's request
 * key; a cancelled waybill's key stays spent, so a new take needs a new key. Numbers are the carrier's prefix and a
 * sequence, unique per carrier across the three platforms.
 */
final class EWaybillLedger {

    /** Why a platform refuses to take a waybill; each platform answers it with its own code. */
    enum Refusal {
        ORDER_UNKNOWN("订单不存在"),
        ORDER_CLOSED("订单已取消或已退款，不能取号"),
        ACCOUNT_UNKNOWN("电子面单账号不存在或未开通（网点、客户编码不匹配）"),
        KEY_CANCELLED("该请求的电子面单已取消，请使用新的包裹号重新取号");

        final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }
    }

    /** What a cancel found. */
    enum Cancelled { VOIDED, UNKNOWN, ALREADY }

    /** A request as every platform's take has it. */
    record Take(Platform platform, String shopId, String orderId, String requestKey, Carrier carrier, String branch,
                String accountId, String secret) {
    }

    /** A waybill taken for an order; {@code printData} is the plain label data (docs/platforms/e-waybills.md). */
    record Waybill(Take take, String number, String sortCode, String packageCenter, String printData,
                   boolean cancelled) {
        Waybill voided() {
            return new Waybill(take, number, sortCode, packageCenter, printData, true);
        }
    }

    /** A take's outcome: the waybill (taken now, or before under the same key), else why not. */
    record Outcome(Waybill waybill, boolean again, Refusal refusal) {
    }

    private static final Map<Carrier, String> PREFIXES = new EnumMap<>(Map.of(
            Carrier.ZTO, "73", Carrier.YTO, "YT", Carrier.STO, "77", Carrier.YUNDA, "43", Carrier.SF, "SF",
            Carrier.EMS, "11", Carrier.JD, "JDVA", Carrier.JT, "JT", Carrier.DEPPON, "DPK", Carrier.CHINA_POST, "98"));

    private final OrderBook book;
    private final Map<String, Waybill> byKey = new LinkedHashMap<>();
    private final Map<Carrier, Long> issued = new EnumMap<>(Carrier.class);

    EWaybillLedger(OrderBook book) {
        this.book = book;
    }

    synchronized Outcome take(Take take) {
        Waybill before = byKey.get(key(take.platform(), take.shopId(), take.requestKey()));
        if (before != null) {
            return before.cancelled() ? refused(Refusal.KEY_CANCELLED) : new Outcome(before, true, null);
        }
        if (!SandboxEWaybillAccounts.knows(take.platform(), take.carrier(), take.branch(), take.accountId(),
                take.secret())) {
            return refused(Refusal.ACCOUNT_UNKNOWN);
        }
        Optional<SandboxOrder> order = book.find(take.platform(), take.shopId(), take.orderId());
        if (order.isEmpty()) {
            return refused(Refusal.ORDER_UNKNOWN);
        }
        if (order.get().state() == State.CANCELLED) {
            return refused(Refusal.ORDER_CLOSED);
        }
        long sequence = issued.merge(take.carrier(), 1L, Long::sum);
        String number = PREFIXES.get(take.carrier()) + take.branch().substring(0, 4) + String.format("%08d", sequence);
        SandboxOrder.Destination to = order.get().destination();
        String sortCode = (300 + to.provinceCode() / 10_000) + "-" + String.format("%02d", to.cityCode() / 100 % 100)
                + " " + String.format("%02d", to.districtCode() % 100);
        String packageCenter = (to.province().isEmpty() ? "全国" : to.province()) + "集包中心";
        Waybill waybill = new Waybill(take, number, sortCode, packageCenter,
                printData(number, take.carrier(), sortCode, packageCenter, order.get()), false);
        byKey.put(key(take.platform(), take.shopId(), take.requestKey()), waybill);
        return new Outcome(waybill, false, null);
    }

    /** The waybill taken under this request key, cancelled or not. */
    synchronized Optional<Waybill> byKey(Platform platform, String shopId, String requestKey) {
        return Optional.ofNullable(byKey.get(key(platform, shopId, requestKey)));
    }

    /** The order's waybill that is still valid, if one was taken. */
    synchronized Optional<Waybill> current(Platform platform, String shopId, String orderId) {
        return byKey.values().stream().filter(w -> !w.cancelled() && w.take().platform() == platform
                && w.take().shopId().equals(shopId) && w.take().orderId().equals(orderId)).reduce((a, b) -> b);
    }

    /** Voids the shop's waybill with this number, as its carrier (when given) knows it. */
    synchronized Cancelled cancel(Platform platform, String shopId, Carrier carrier, String number) {
        for (Map.Entry<String, Waybill> entry : byKey.entrySet()) {
            Take take = entry.getValue().take();
            if (entry.getValue().number().equals(number) && take.platform() == platform
                    && take.shopId().equals(shopId) && (carrier == null || carrier == take.carrier())) {
                if (entry.getValue().cancelled()) {
                    return Cancelled.ALREADY;
                }
                entry.setValue(entry.getValue().voided());
                return Cancelled.VOIDED;
            }
        }
        return Cancelled.UNKNOWN;
    }

    /** The carrier a platform's code names, or null when it names none of them. */
    static Carrier carrier(Function<Carrier, String> codeOf, String code) {
        return Arrays.stream(Carrier.values()).filter(c -> codeOf.apply(c).equals(code)).findFirst().orElse(null);
    }

    private static Outcome refused(Refusal refusal) {
        return new Outcome(null, false, refusal);
    }

    private static String key(Platform platform, String shopId, String requestKey) {
        return platform + "/" + shopId + "/" + requestKey;
    }

    /** The label's data in clear, with the receiver as the platform masks it: Jiyun renders the label itself. */
    private static String printData(String number, Carrier carrier, String sortCode, String packageCenter,
                                    SandboxOrder order) {
        ObjectNode print = WireAnswer.JSON.createObjectNode();
        print.put("waybillNo", number);
        print.put("carrier", carrier.chineseName());
        print.put("sortCode", sortCode);
        print.put("packageCenter", packageCenter);
        SandboxOrder.Destination to = order.destination();
        print.putObject("receiver")
                .put("name", order.buyer().maskedName())
                .put("mobile", order.buyer().maskedPhone())
                .put("region", to.province() + to.city() + to.district());
        return print.toString();
    }
}
