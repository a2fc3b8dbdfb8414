package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest application that runs the Kuaishou connector: the auto-configuration plus in-memory fulfillment. */
@SpringBootApplication
class KuaishouTestApplication {

    @Bean
    InMemoryIntake intake() {
        return new InMemoryIntake();
    }

    @Bean
    InMemoryShopAccounts shopAccounts() {
        return new InMemoryShopAccounts();
    }
}
