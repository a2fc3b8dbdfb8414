package cn.jiyun.fulfillment.demo;

import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.TokenCipher;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import cn.jiyun.integrations.sandbox.SandboxCatalogue;
import cn.jiyun.integrations.sandbox.SandboxOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * On the sandbox profile, opens the in-process platform sandbox with the store's shops, their tokens
 * and their SKUs, so orders flow in from Douyin, Kuaishou and WeChat as they would in production.
 * Runs after the demo cooperative is loaded (or found), every start; on a fresh store without the demo
 * it opens with no shop, and sellers open theirs on its authorise pages and WeChat shop console.
 */
@Component
@Order(30)
class DemoSandbox implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSandbox.class);

    private final ObjectProvider<PlatformSandbox> sandbox;
    private final ShopService shops;
    private final OrderService orders;
    private final TokenCipher tokens;

    DemoSandbox(ObjectProvider<PlatformSandbox> sandbox, ShopService shops, OrderService orders, TokenCipher tokens) {
        this.sandbox = sandbox;
        this.shops = shops;
        this.orders = orders;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        open();
    }

    /** Opens the sandbox if the profile wants it and it is not open yet; sees the caller's uncommitted demo. */
    @Transactional(readOnly = true)
    public void open() {
        PlatformSandbox platforms = sandbox.getIfAvailable();
        if (platforms == null || platforms.isRunning()) {
            return;
        }
        SandboxCatalogue catalogue = catalogue();
        // the orders the store holds already exist on their platforms, so they can be shipped and written back
        platforms.start(catalogue, knownOrders());
        if (catalogue.shops().isEmpty()) {
            // a new cooperative's first shops come through the authorisation flows, which need the platforms up
            log.info("Platform sandbox on port {} with no shop yet: shops opened on its authorise pages and WeChat "
                    + "shop console sell its first goods", platforms.port());
        } else {
            log.info("Platform sandbox serving {} shops on port {}: new orders arrive over time",
                    catalogue.shops().size(), platforms.port());
        }
    }

    /** The store's orders of the served shops, not cancelled, as the platforms would hold them. */
    List<SandboxOrder> knownOrders() {
        // the demo loader's orders may still sit in the persistence context of the caller's transaction:
        // the query flushes them first
        List<cn.jiyun.fulfillment.orders.Order> paid = orders.paidPlatformOrders();
        Map<Long, Shop> shopsById = shops.byId(paid.stream().map(o -> o.shopId()).collect(Collectors.toSet()));
        return paid.stream().map(o -> SandboxOrder.known(o.platform(), shopsById.get(o.shopId()).platformShopId(),
                o.platformOrderId(), o.placedAt(), o.paidAt(), o.platformUpdatedAt(),
                o.lines().stream().map(l -> new SandboxOrder.KnownLine(l.platformSku(), l.title(), l.quantity(),
                        l.amountFen())).toList(),
                o.buyerProvince(), o.buyerCity(), o.shipBy())).toList();
    }

    SandboxCatalogue catalogue() {
        List<SandboxCatalogue.Shop> served = new ArrayList<>();
        for (Shop shop : shops.authorisedOnPlatforms()) {
            List<SandboxCatalogue.Sku> skus = shops.mappings(shop.cooperativeId(), shop.id(), Pageable.unpaged()).stream()
                    .map(m -> new SandboxCatalogue.Sku(m.platformSku(), m.productName(),
                            Math.max(100, DemoCooperative.priceOf(m.productName()))))
                    .toList();
            if (!skus.isEmpty()) {
                served.add(new SandboxCatalogue.Shop(shop.platform(), shop.platformShopId(),
                        tokens.decrypt(shop.accessTokenEncrypted()), tokens.decrypt(shop.refreshTokenEncrypted()), skus));
            }
        }
        return new SandboxCatalogue(served);
    }
}
