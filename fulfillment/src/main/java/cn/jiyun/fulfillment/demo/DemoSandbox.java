package cn.jiyun.fulfillment.demo;

import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.Shops;
import cn.jiyun.fulfillment.shops.SkuMappings;
import cn.jiyun.fulfillment.shops.TokenCipher;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import cn.jiyun.integrations.sandbox.SandboxCatalogue;
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

/**
 * On the sandbox profile, opens the in-process platform sandbox with the demo shops, their tokens
 * and their SKUs, so orders flow in from Douyin, Kuaishou and WeChat as they would in production.
 * Runs after the demo cooperative is loaded (or found), every start.
 */
@Component
@Order(30)
class DemoSandbox implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSandbox.class);

    private final ObjectProvider<PlatformSandbox> sandbox;
    private final Shops shops;
    private final SkuMappings mappings;
    private final TokenCipher tokens;

    DemoSandbox(ObjectProvider<PlatformSandbox> sandbox, Shops shops, SkuMappings mappings, TokenCipher tokens) {
        this.sandbox = sandbox;
        this.shops = shops;
        this.mappings = mappings;
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
        if (catalogue.shops().isEmpty()) {
            log.info("No platform shops to serve from the sandbox");
            return;
        }
        platforms.start(catalogue);
        log.info("Platform sandbox serving {} demo shops on port {}: new orders arrive over time",
                catalogue.shops().size(), platforms.port());
    }

    SandboxCatalogue catalogue() {
        List<SandboxCatalogue.Shop> served = new ArrayList<>();
        for (Shop shop : shops.findAll()) {
            if (shop.platform() == Platform.SPREADSHEET || shop.authorisation() != Shop.Authorisation.ACTIVE) {
                continue;
            }
            List<SandboxCatalogue.Sku> skus = mappings.findByShopId(shop.id(), Pageable.unpaged()).stream()
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
