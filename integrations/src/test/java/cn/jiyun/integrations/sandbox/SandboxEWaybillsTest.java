package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybill;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.EWaybillRequest;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three real e-waybill issuers against the sandbox: numbers, idempotency, refusals and cancels as the platforms have them. */
class SandboxEWaybillsTest {

    static final EWaybillRequest.Sender HUB = new EWaybillRequest.Sender("中宁枸杞合作社", "13900000000",
            "宁夏回族自治区", "中卫市", "中宁县", "宁安镇物流园 1 号");
    /** Numeric, so WeChat's ec_order_id takes it, and in no shop's book. */
    static final String UNKNOWN_ORDER = "3999999999999999999";

    private SandboxTestbed bed;

    @BeforeEach
    void startSandbox() {
        bed = new SandboxTestbed(11, 6);
        bed.synchroniseAll();
        bed.clock.advance(Duration.ofMinutes(5));
    }

    @AfterEach
    void stopSandbox() {
        bed.close();
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"DOUYIN", "KUAISHOU", "WECHAT"})
    void aTakeAnswersTheCarriersNumberWithPlainPrintDataAndTheSameNumberWhenAskedAgain(Platform platform) {
        List<SandboxOrder> waiting = waiting(platform);

        EWaybill first = take(platform, waiting.get(0), 1, account(platform));
        EWaybill again = take(platform, waiting.get(0), 1, account(platform));
        EWaybill other = take(platform, waiting.get(1), 1, account(platform));

        assertThat(first.waybillNumber()).matches("73\\d{12}");
        assertThat(again.waybillNumber()).isEqualTo(first.waybillNumber());
        assertThat(other.waybillNumber()).isNotEqualTo(first.waybillNumber());
        assertThat(first.encrypted()).isFalse();
        assertThat(again.encrypted()).isFalse();
        assertThat(first.sortCode()).isNotBlank();
        SandboxOrder order = waiting.get(0);
        assertThat(first.receiverMasked()).contains(order.buyer().maskedName(), order.buyer().maskedPhone(),
                order.destination().province());
        assertThat(first.printData()).contains(first.waybillNumber()).doesNotContain("SANDBOX", "#ks#");
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"DOUYIN", "KUAISHOU", "WECHAT"})
    void anOrderTheBookDoesNotHaveOrHasCancelledAndAnUnknownAccountAreRefusedWithThePlatformsReason(Platform platform) {
        SandboxOrder order = waiting(platform).get(0);
        SandboxOrder cancelled = bed.sandbox.cancel(platform, order.shopId(), waiting(platform).get(1).orderId())
                .orElseThrow();
        EWaybillAccount stranger = new EWaybillAccount(Carrier.ZTO, "110101", "not-an-account", "nothing");

        assertRefused(() -> take(platform, unknown(order), 1, account(platform)), "订单不存在");
        assertRefused(() -> take(platform, cancelled, 1, account(platform)), "订单已取消");
        assertRefused(() -> take(platform, order, 1, stranger), "电子面单账号不存在");
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"DOUYIN", "KUAISHOU", "WECHAT"})
    void aCancelVoidsTheNumberAndTheNextTakeGetsANewOne(Platform platform) {
        SandboxOrder order = waiting(platform).get(0);
        EWaybill first = take(platform, order, 1, account(platform));

        bed.eWaybills(platform).cancel(shop(platform), account(platform), first.waybillNumber(),
                first.platformReference());
        EWaybill second = take(platform, order, 2, account(platform));

        assertThat(second.waybillNumber()).isNotEqualTo(first.waybillNumber()).startsWith("73");
        assertRefused(() -> take(platform, order, 1, account(platform)), "已取消");
        assertThatThrownBy(() -> bed.eWaybills(platform).cancel(shop(platform), account(platform),
                first.waybillNumber(), first.platformReference()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void kuaishouShipsAnOrderWithAnEWaybillOnlyUnderThatNumber() {
        List<SandboxOrder> waiting = waiting(Platform.KUAISHOU);
        SandboxOrder order = waiting.get(0);
        EWaybill waybill = take(Platform.KUAISHOU, order, 1, account(Platform.KUAISHOU));
        ShopAccount shop = shop(Platform.KUAISHOU);

        assertThatThrownBy(() -> bed.kuaishou.writeBack(shop, notice(order, "7300000000000")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("不一致", waybill.waybillNumber());
                });
        assertThat(bed.sandbox.order(Platform.KUAISHOU, order.shopId(), order.orderId()).orElseThrow().state())
                .isEqualTo(SandboxOrder.State.PAID);

        bed.kuaishou.writeBack(shop, notice(order, waybill.waybillNumber()));
        bed.kuaishou.writeBack(shop, notice(waiting.get(1), "7300000000001"));

        assertThat(bed.sandbox.order(Platform.KUAISHOU, order.shopId(), order.orderId()).orElseThrow().shipment()
                .waybillNumber()).isEqualTo(waybill.waybillNumber());
        assertThat(bed.sandbox.order(Platform.KUAISHOU, order.shopId(), waiting.get(1).orderId()).orElseThrow().state())
                .isEqualTo(SandboxOrder.State.SHIPPED);
    }

    @Test
    void everyPlatformKnowsOneAccountPerCarrierAtTheCarriersBranch() {
        for (Platform platform : List.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT)) {
            assertThat(SandboxEWaybillAccounts.of(platform)).extracting(EWaybillAccount::carrier)
                    .containsExactlyInAnyOrderElementsOf(SandboxEWaybillAccounts.BRANCHES.keySet());
            for (EWaybillAccount account : SandboxEWaybillAccounts.of(platform)) {
                assertThat(account.branchCode()).isEqualTo(SandboxEWaybillAccounts.BRANCHES.get(account.carrier()));
            }
        }
        SandboxOrder order = waiting(Platform.WECHAT).get(0);
        EWaybill yto = take(Platform.WECHAT, order, 1, SandboxEWaybillAccounts.of(Platform.WECHAT, Carrier.YTO));
        assertThat(yto.waybillNumber()).matches("YT\\d{12}");
    }

    private List<SandboxOrder> waiting(Platform platform) {
        String shopId = SandboxTestbed.CATALOGUE.shops(platform).get(0).shopId();
        return bed.sandbox.orders(platform, shopId).stream().filter(o -> o.state() == SandboxOrder.State.PAID).toList();
    }

    private ShopAccount shop(Platform platform) {
        return bed.shop(platform, SandboxTestbed.CATALOGUE.shops(platform).get(0).shopId());
    }

    private static EWaybillAccount account(Platform platform) {
        return SandboxEWaybillAccounts.of(platform, Carrier.ZTO);
    }

    /** Takes the order's e-waybill with the raw order as the connector stored it. */
    private EWaybill take(Platform platform, SandboxOrder order, int take, EWaybillAccount account) {
        String stored = order.orderId().equals(UNKNOWN_ORDER) ? waiting(platform).get(0).orderId() : order.orderId();
        String raw = bed.intake.order(platform, order.shopId(), stored).rawPayload();
        return bed.eWaybills(platform).take(shop(platform), new EWaybillRequest("jy-" + order.orderId() + "-" + take,
                take, order.orderId(), account, HUB, raw, List.of(new EWaybillRequest.Item(order.lines().get(0).title(),
                order.lines().get(0).quantity()))));
    }

    /** The same order under an id the platform never issued. */
    private static SandboxOrder unknown(SandboxOrder order) {
        return new SandboxOrder(order.platform(), order.shopId(), UNKNOWN_ORDER, order.createdAt(), order.paidAt(),
                order.updatedAt(), order.state(), order.lines(), order.postageFen(), order.destination(), order.buyer(),
                order.shipBy(), null, "");
    }

    private static ShipmentNotice notice(SandboxOrder order, String number) {
        return new ShipmentNotice(order.shopId(), order.orderId(), Carrier.ZTO, number, "wb-" + order.orderId());
    }

    private static void assertRefused(Runnable take, String reason) {
        assertThatThrownBy(take::run).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
