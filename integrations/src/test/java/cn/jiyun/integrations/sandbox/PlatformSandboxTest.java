package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.testing.InMemoryIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

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
