package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.ShipmentNotice;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.testing.InMemoryIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three real connectors against the sandbox: what they pull is exactly what the sandbox holds. */
class PlatformSandboxTest {

    private SandboxTestbed bed;

    @AfterEach
    void stopSandbox() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void everyBacklogOrderOfEveryShopArrivesOnceWithItsCanonicalFields() {
        bed = new SandboxTestbed(42, 30);

        bed.synchroniseAll();

        assertThat(bed.intake.deadLetters()).isEmpty();
        int expected = 0;
        for (SandboxCatalogue.Shop shop : SandboxTestbed.CATALOGUE.shops()) {
            List<SandboxOrder> held = bed.sandbox.orders(shop.platform(), shop.shopId());
            assertThat(held).hasSize(30);
            expected += held.size();
            assertThat(storedIds(shop.platform(), shop.shopId()))
                    .isEqualTo(held.stream().map(SandboxOrder::orderId).collect(Collectors.toSet()));
            for (SandboxOrder order : held) {
                assertCanonical(bed.intake.order(shop.platform(), shop.shopId(), order.orderId()), order);
            }
        }
        assertThat(bed.intake.orders()).hasSize(expected);
    }

    @Test
    void nextSyncBringsExactlyTheOrdersGeneratedSince() {
        bed = new SandboxTestbed(7, 10);
        bed.synchroniseAll();
        Set<InMemoryIntake.Key> before = bed.intake.orders().keySet();

        bed.clock.advance(Duration.ofMinutes(3));
        List<SandboxOrder> added = bed.sandbox.generateOrders(9);
        bed.synchroniseAll();

        Set<InMemoryIntake.Key> arrived = new HashSet<>(bed.intake.orders().keySet());
        arrived.removeAll(before);
        assertThat(arrived).isEqualTo(added.stream()
                .map(o -> new InMemoryIntake.Key(o.platform(), o.shopId(), o.orderId()))
                .collect(Collectors.toSet()));
        assertThat(added).extracting(SandboxOrder::platform)
                .containsOnly(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT)
                .filteredOn(p -> p == Platform.KUAISHOU).hasSize(3);
        for (SandboxOrder order : added) {
            SandboxOrder now = bed.sandbox.order(order.platform(), order.shopId(), order.orderId()).orElseThrow();
            assertCanonical(bed.intake.order(order.platform(), order.shopId(), order.orderId()), now);
        }
        assertThat(bed.intake.deadLetters()).isEmpty();
    }

    @Test
    void theClockBringsOneOrderPerInterval() {
        MutableClock clock = new MutableClock(SandboxTestbed.NOW);
        SandboxProperties hourly = new SandboxProperties(true, 0, Duration.ofHours(1), 5, 11, null, Duration.ZERO);
        try (PlatformSandbox sandbox = new PlatformSandbox(hourly, clock)) {
            sandbox.start(SandboxTestbed.CATALOGUE);
            assertThat(sandbox.catchUp()).isEmpty();

            clock.advance(Duration.ofMinutes(190));
            List<SandboxOrder> added = sandbox.catchUp();

            assertThat(added).extracting(SandboxOrder::platform)
                    .containsExactly(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT);
            assertThat(added).extracting(SandboxOrder::updatedAt).containsExactly(SandboxTestbed.NOW.plus(Duration.ofHours(1)),
                    SandboxTestbed.NOW.plus(Duration.ofHours(2)), SandboxTestbed.NOW.plus(Duration.ofHours(3)));
            assertThat(sandbox.catchUp()).isEmpty();
        }
    }

    @Test
    void aSandboxWithNoShopYetWaitsForTheFirstShopAndThenServesIt() {
        MutableClock clock = new MutableClock(SandboxTestbed.NOW);
        SandboxProperties hourly = new SandboxProperties(true, 0, Duration.ofHours(1), 5, 11, null, Duration.ZERO);
        try (PlatformSandbox sandbox = new PlatformSandbox(hourly, clock)) {
            // a fresh store has no shop for the catalogue
            sandbox.start(SandboxCatalogue.empty());
            clock.advance(Duration.ofHours(3));
            assertThat(sandbox.catchUp()).as("nobody sells here yet").isEmpty();
            assertThatThrownBy(() -> sandbox.generateOrders(1)).isInstanceOf(IllegalStateException.class);

            SandboxCatalogue.Shop first = sandbox.openShop(Platform.KUAISHOU);

            assertThat(first.skus()).isEqualTo(SandboxCatalogue.FIRST_SHOP_SKUS);
            assertThat(sandbox.orders(Platform.KUAISHOU, first.shopId())).hasSize(5);
            assertThat(sandbox.catchUp()).as("the first order an interval after the shop opened").isEmpty();
            clock.advance(Duration.ofMinutes(61));
            assertThat(sandbox.catchUp()).singleElement().satisfies(order -> {
                assertThat(order.platform()).isEqualTo(Platform.KUAISHOU);
                assertThat(order.shopId()).isEqualTo(first.shopId());
            });
            // a shop on another platform takes its turns from then on, and copies the first one's goods
            SandboxCatalogue.Shop second = sandbox.openShop(Platform.DOUYIN);
            assertThat(second.skus()).isEqualTo(SandboxCatalogue.FIRST_SHOP_SKUS);
            clock.advance(Duration.ofMinutes(120));
            assertThat(sandbox.catchUp()).extracting(SandboxOrder::platform)
                    .containsExactlyInAnyOrder(Platform.KUAISHOU, Platform.DOUYIN);
        }
    }

    @Test
    void aCancellationBeforeShippingArrivesAsAnUpdate() {
        bed = new SandboxTestbed(3, 10);
        bed.synchroniseAll();
        bed.clock.advance(Duration.ofMinutes(4));
        List<SandboxOrder> cancelled = new ArrayList<>();
        for (SandboxCatalogue.Shop shop : SandboxTestbed.CATALOGUE.shops()) {
            SandboxOrder waiting = bed.sandbox.orders(shop.platform(), shop.shopId()).stream()
                    .filter(o -> o.state() == SandboxOrder.State.PAID).findFirst().orElseThrow();
            assertThat(bed.intake.order(shop.platform(), shop.shopId(), waiting.orderId()).status())
                    .isEqualTo(PlatformOrderStatus.PAID);
            cancelled.add(bed.sandbox.cancel(shop.platform(), shop.shopId(), waiting.orderId()).orElseThrow());
        }
        int stored = bed.intake.orders().size();

        bed.synchroniseAll();

        assertThat(bed.intake.orders()).hasSize(stored);
        for (SandboxOrder order : cancelled) {
            CanonicalOrder update = bed.intake.order(order.platform(), order.shopId(), order.orderId());
            assertThat(update.status()).isEqualTo(PlatformOrderStatus.CANCELLED);
            assertThat(update.updatedAt()).isEqualTo(SandboxTestbed.NOW.plus(Duration.ofMinutes(4)));
            assertCanonical(update, order);
        }
    }

    @Test
    void aWaybillWrittenBackIsRecordedOnceAndReadBackAsShipped() {
        bed = new SandboxTestbed(5, 4);
        bed.synchroniseAll();
        bed.clock.advance(Duration.ofMinutes(10));
        int number = 0;
        for (Platform platform : List.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT)) {
            String shopId = SandboxTestbed.CATALOGUE.shops(platform).get(0).shopId();
            SandboxOrder waiting = bed.sandbox.orders(platform, shopId).stream()
                    .filter(o -> o.state() == SandboxOrder.State.PAID).findFirst().orElseThrow();
            ShipmentNotice notice = new ShipmentNotice(shopId, waiting.orderId(), Carrier.ZTO,
                    "7831234567890" + number++, "writeback-" + waiting.orderId());

            bed.connector(platform).writeBack(bed.shop(platform, shopId), notice);
            bed.connector(platform).writeBack(bed.shop(platform, shopId), notice);

            SandboxOrder shipped = bed.sandbox.order(platform, shopId, waiting.orderId()).orElseThrow();
            assertThat(shipped.state()).isEqualTo(SandboxOrder.State.SHIPPED);
            assertThat(shipped.shipment().waybillNumber()).isEqualTo(notice.waybillNumber());
            assertThat(bed.sandbox.writeBacks()).filteredOn(w -> w.orderId().equals(waiting.orderId()) && !w.repeated())
                    .singleElement()
                    .satisfies(w -> assertThat(w.carrierCode()).isEqualTo(switch (platform) {
                        case DOUYIN -> "zhongtong";
                        case KUAISHOU -> "9";
                        default -> "ZTO";
                    }));
        }

        bed.synchroniseAll();

        for (SandboxWriteBack writeBack : bed.sandbox.writeBacks()) {
            assertThat(bed.intake.order(writeBack.platform(), writeBack.shopId(), writeBack.orderId()).status())
                    .isEqualTo(PlatformOrderStatus.SHIPPED);
        }
    }

    @Test
    void aCancelledOrderCannotBeShipped() {
        bed = new SandboxTestbed(5, 3);
        for (Platform platform : List.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT)) {
            String shopId = SandboxTestbed.CATALOGUE.shops(platform).get(0).shopId();
            SandboxOrder waiting = bed.sandbox.orders(platform, shopId).stream()
                    .filter(o -> o.state() == SandboxOrder.State.PAID).findFirst().orElseThrow();
            bed.sandbox.cancel(platform, shopId, waiting.orderId());

            assertThatThrownBy(() -> bed.connector(platform).writeBack(bed.shop(platform, shopId),
                    new ShipmentNotice(shopId, waiting.orderId(), Carrier.YTO, "YT000111", "r-" + platform)))
                    .isInstanceOf(PlatformException.class);
            assertThat(bed.sandbox.order(platform, shopId, waiting.orderId()).orElseThrow().state())
                    .isEqualTo(SandboxOrder.State.CANCELLED);
        }
        assertThat(bed.sandbox.writeBacks()).isEmpty();
    }

    @Test
    void aWrongAppSecretGetsDouyinsSignatureError() {
        bed = new SandboxTestbed(1, 3, Map.of("jiyun.platforms.douyin.app-secret", "not-the-app-secret"));

        assertThatThrownBy(() -> bed.douyin.synchronise(bed.shop(Platform.DOUYIN, SandboxTestbed.DOUYIN_SHOP)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo("40003/isv.signature-invalid");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(bed.intake.orders()).isEmpty();
    }

    @Test
    void md5SignedDouyinCallsAreAcceptedToo() {
        bed = new SandboxTestbed(1, 3, Map.of("jiyun.platforms.douyin.sign-method", "MD5"));

        bed.douyin.synchronise(bed.shop(Platform.DOUYIN, SandboxTestbed.DOUYIN_SHOP));

        assertThat(bed.intake.orders()).hasSize(3);
    }

    @Test
    void aWrongSignSecretGetsKuaishousRefusal() {
        bed = new SandboxTestbed(1, 3, Map.of("jiyun.platforms.kuaishou.sign-secret", "0000000000000000ffffffffffffffff"));

        assertThatThrownBy(() -> bed.kuaishou.synchronise(bed.shop(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.platformCode()).isEqualTo(String.valueOf(KuaishouSandboxApi.SIGNATURE_INVALID));
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(bed.intake.orders()).isEmpty();
    }

    @Test
    void aWrongWechatAppSecretGetsInvalidAppsecret() {
        bed = new SandboxTestbed(1, 3, Map.of("jiyun.platforms.wechat.app-secret", "00000000000000000000000000000000"));

        assertThatThrownBy(() -> bed.wechat.synchronise(bed.shop(Platform.WECHAT, SandboxTestbed.WECHAT_SHOP)))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.platformCode()).isEqualTo("40125"));
        assertThat(bed.intake.orders()).isEmpty();
    }

    @Test
    void anUnknownDouyinTokenIsReportedAsRevokedAuthorisation() {
        bed = new SandboxTestbed(1, 3);
        bed.shops.add(new ShopAccount(Platform.DOUYIN, SandboxTestbed.DOUYIN_SHOP, "a-token-douyin-never-issued", "",
                null, null));

        assertThatThrownBy(() -> bed.douyin.synchronise(bed.shop(Platform.DOUYIN, SandboxTestbed.DOUYIN_SHOP)))
                .isInstanceOfSatisfying(AuthorisationRevokedException.class,
                        e -> assertThat(e.platformCode()).isEqualTo("40003/isv.access-token-no-existed"));
        assertThat(bed.shops.revocationReason(Platform.DOUYIN, SandboxTestbed.DOUYIN_SHOP)).isPresent();
    }

    @Test
    void anUnknownKuaishouTokenWithAnUnknownRefreshTokenIsReportedAsRevoked() {
        bed = new SandboxTestbed(1, 3);
        bed.shops.add(new ShopAccount(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP, "never-issued", "never-issued-either",
                null, null));

        assertThatThrownBy(() -> bed.kuaishou.synchronise(bed.shop(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP)))
                .isInstanceOfSatisfying(AuthorisationRevokedException.class,
                        e -> assertThat(e.platformCode()).isEqualTo(String.valueOf(KuaishouSandboxApi.ACCESS_DENIED)));
        assertThat(bed.shops.revocationReason(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP)).isPresent();
    }

    @Test
    void expiredTokensAreRefreshedAndKuaishouRotatesItsRefreshToken() {
        bed = new SandboxTestbed(9, 3);
        bed.synchroniseAll();

        bed.clock.advance(Duration.ofDays(8));
        bed.synchroniseAll();

        ShopAccount douyinShop = bed.shop(Platform.DOUYIN, SandboxTestbed.DOUYIN_SHOP);
        assertThat(douyinShop.accessToken()).isNotEqualTo("douyin-access-1");
        assertThat(douyinShop.refreshToken()).isNotEqualTo("douyin-refresh-1");
        ShopAccount kuaishouShop = bed.shop(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP);
        assertThat(kuaishouShop.accessToken()).isNotEqualTo("ChFvYXV0aC5kZW1vLWFjY2Vzcw");
        assertThat(kuaishouShop.refreshToken()).isNotEqualTo("kuaishou-refresh-1");
        assertThat(bed.shops.revocationReason(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP)).isEmpty();

        // the old refresh token dies a few minutes after the new one is issued
        bed.clock.advance(Duration.ofMinutes(6));
        bed.shops.add(new ShopAccount(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP, "", "kuaishou-refresh-1",
                null, kuaishouShop.syncCursor()));
        assertThatThrownBy(() -> bed.kuaishou.synchronise(bed.shop(Platform.KUAISHOU, SandboxTestbed.KUAISHOU_SHOP)))
                .isInstanceOf(AuthorisationRevokedException.class);
    }

    @Test
    void sandboxesWithTheSameSeedHoldTheSameOrders() {
        MutableClock clock = new MutableClock(SandboxTestbed.NOW);
        try (PlatformSandbox first = new PlatformSandbox(SandboxProperties.forTests(2026, 20), clock);
             PlatformSandbox second = new PlatformSandbox(SandboxProperties.forTests(2026, 20), clock);
             PlatformSandbox other = new PlatformSandbox(SandboxProperties.forTests(2027, 20), clock)) {
            first.start(SandboxTestbed.CATALOGUE);
            second.start(SandboxTestbed.CATALOGUE);
            other.start(SandboxTestbed.CATALOGUE);
            clock.advance(Duration.ofMinutes(5));
            first.generateOrders(12);
            second.generateOrders(12);
            other.generateOrders(12);

            for (SandboxCatalogue.Shop shop : SandboxTestbed.CATALOGUE.shops()) {
                assertThat(second.orders(shop.platform(), shop.shopId()))
                        .isEqualTo(first.orders(shop.platform(), shop.shopId()));
                assertThat(other.orders(shop.platform(), shop.shopId()))
                        .isNotEqualTo(first.orders(shop.platform(), shop.shopId()));
            }
        }
    }

    @Test
    void stopIsIdempotentAndFreesThePort() throws Exception {
        PlatformSandbox sandbox = new PlatformSandbox(SandboxProperties.forTests(1, 1), new MutableClock(SandboxTestbed.NOW));
        sandbox.stop();
        sandbox.start(SandboxTestbed.CATALOGUE);
        int port = sandbox.port();
        sandbox.start(SandboxTestbed.CATALOGUE);
        assertThat(sandbox.port()).isEqualTo(port);

        sandbox.stop();
        sandbox.close();

        assertThat(sandbox.isRunning()).isFalse();
        try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void pagesThroughWindowsHoldingMoreOrdersThanOnePage() {
        // one-day windows put the whole 40-order backlog in reach of a 7-order page on every platform
        bed = new SandboxTestbed(13, 40, Map.of("jiyun.platforms.douyin.window-length", "1d"));

        bed.synchroniseAll();

        for (SandboxCatalogue.Shop shop : SandboxTestbed.CATALOGUE.shops()) {
            assertThat(storedIds(shop.platform(), shop.shopId())).hasSize(40)
                    .isEqualTo(bed.sandbox.orders(shop.platform(), shop.shopId()).stream()
                            .map(SandboxOrder::orderId).collect(Collectors.toSet()));
        }
        assertThat(bed.intake.deadLetters()).isEmpty();
    }

    @Test
    void rawPayloadsCarryThePlatformsOwnFieldNames() {
        bed = new SandboxTestbed(21, 2);

        bed.synchroniseAll();

        Map<Platform, List<String>> fields = Map.of(
                Platform.DOUYIN, List.of("\"sku_order_list\"", "\"exp_ship_time\"",
                        "\"encrypt_post_receiver\"", "\"post_addr\"", "\"pay_amount\""),
                Platform.KUAISHOU, List.of("\"orderBaseInfo\"", "\"promiseTimeStampOfDelivery\"",
                        "\"orderItemInfo\"", "\"desensitiseMobile\"", "\"encryptedConsignee\""),
                Platform.WECHAT, List.of("\"order_detail\"", "\"product_infos\"", "\"delivery_deadline\"",
                        "\"price_info\"", "\"address_info\""));
        for (CanonicalOrder order : bed.intake.orders().values()) {
            assertThat(order.rawPayload()).contains(fields.get(order.platform()));
        }
    }

    static void assertCanonical(CanonicalOrder stored, SandboxOrder held) {
        assertThat(stored).as("order %s", held.orderId()).isNotNull();
        assertThat(stored.status()).isEqualTo(switch (held.state()) {
            case PAID -> PlatformOrderStatus.PAID;
            case SHIPPED -> PlatformOrderStatus.SHIPPED;
            case CANCELLED -> PlatformOrderStatus.CANCELLED;
        });
        assertThat(stored.createdAt()).isEqualTo(held.createdAt());
        assertThat(stored.paidAt()).isEqualTo(held.paidAt());
        assertThat(stored.updatedAt()).isEqualTo(held.updatedAt());
        assertThat(stored.shipBy()).isEqualTo(held.shipBy());
        assertThat(stored.totalAmountFen()).isEqualTo(held.paidFen());
        assertThat(stored.buyerProvince()).isEqualTo(held.destination().province());
        assertThat(stored.buyerCity()).isEqualTo(held.destination().city());
        assertThat(stored.lines()).containsExactlyElementsOf(held.lines().stream()
                .map(line -> new OrderLine(line.skuId(), line.title(), line.quantity(), line.paidFen()))
                .toList());
    }

    private Set<String> storedIds(Platform platform, String shopId) {
        return bed.intake.orders().keySet().stream()
                .filter(key -> key.platform() == platform && key.shopId().equals(shopId))
                .map(InMemoryIntake.Key::platformOrderId)
                .collect(Collectors.toSet());
    }
}
