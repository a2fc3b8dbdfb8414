package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The demo as fulfillment will wire it, in miniature: its shops and their tokens in
 * {@link InMemoryShopAccounts}, the same shops handed to the sandbox as a {@link SandboxCatalogue}.
 */
@SpringBootApplication
class SandboxDemoApplication {

    @Bean
    InMemoryIntake orderIntake() {
        return new InMemoryIntake();
    }

    @Bean
    InMemoryShopAccounts shopAccounts(SandboxCatalogue catalogue) {
        InMemoryShopAccounts shops = new InMemoryShopAccounts();
        catalogue.shops().forEach(shop -> shops.add(new ShopAccount(shop.platform(), shop.shopId(), shop.accessToken(),
                shop.refreshToken(), null, null)));
        return shops;
    }

    @Bean
    SandboxCatalogue sandboxCatalogue() {
        return SandboxTestbed.CATALOGUE;
    }
}
